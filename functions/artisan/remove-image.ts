import { myImagePath } from '#shared/api/artisan.ts';
import { removeImage } from '#shared/use-cases/artisan-images.ts';
import { signedInRoute } from '../commons/http.ts';
import { imageFiles } from '../commons/image-files.ts';
import { store } from '../commons/store.ts';

export const handler = signedInRoute({ path: myImagePath }, ({ caller, path }) => removeImage({ store, files: imageFiles }, caller, path.productId, path.imageId));
