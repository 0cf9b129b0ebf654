import { startShopImageUploadBody } from '#shared/api/artisan.ts';
import { startShopImageUpload } from '#shared/use-cases/artisan-shop.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';
import { presignImageUpload } from '../commons/uploads.ts';

/** A presigned POST for the caller's shop logo or cover (the same path and sizes as product photos). */
export const handler = signedInRoute(
  { body: startShopImageUploadBody },
  ({ caller, body }) => startShopImageUpload({ store, signer: { presignImageUpload } }, caller, body),
  { status: 201 },
);
