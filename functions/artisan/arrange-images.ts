import { arrangeImagesBody, myProductPath } from '#shared/api/artisan.ts';
import { arrangeImages } from '#shared/use-cases/artisan-images.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ path: myProductPath, body: arrangeImagesBody }, ({ caller, path, body }) =>
  arrangeImages(store, caller, path.productId, body.imageIds),
);
