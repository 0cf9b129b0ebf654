import { settingUpdateBody } from '#shared/api/operator.ts';
import { updateSetting } from '#shared/use-cases/operator-settings.ts';
import { signedInRoute } from '../commons/http.ts';
import { settingsWithPages } from '../commons/info-settings.ts';

/** One setting's new value, made from the version read (409 otherwise); recorded, and applied to new orders only. */
export const handler = signedInRoute({ body: settingUpdateBody }, ({ caller, body }) => updateSetting(settingsWithPages, caller, body));
