import { myProductPath, startImageUploadBody } from '#shared/api/artisan.ts';
import { startImageUpload } from '#shared/use-cases/artisan-images.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';
import { presignImageUpload } from '../commons/uploads.ts';

export const handler = signedInRoute(
  { path: myProductPath, body: startImageUploadBody },
  ({ caller, path, body }) => startImageUpload({ store, signer: { presignImageUpload } }, caller, path.productId, body),
  { status: 201 },
);
