import { onboardingBody } from '#shared/api/artisan.ts';
import { saveOnboarding } from '#shared/use-cases/artisan-shop.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ body: onboardingBody }, ({ caller, body }) => saveOnboarding(store, caller, body));
