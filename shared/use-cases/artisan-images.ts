import type { ImageUpload } from '../api/artisan.ts';
import type { ProductImage } from '../domain/catalogue.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { isPublicImageKey, MAX_IMAGES_PER_PRODUCT, MAX_UPLOAD_BYTES, UPLOAD_EXPIRY_SECONDS, uploadKey, type AcceptedImageType } from '../domain/images.ts';
import { getMyProduct } from './artisan-products.ts';
import { requireOwnShop } from './artisan-shop.ts';
import type { Caller } from './caller.ts';
import type { ImageFiles, Store, UploadSigner } from './ports.ts';

/** An artisan's product photos: start an upload, arrange them, remove one. */

export async function startImageUpload(
  deps: { store: Store; signer: UploadSigner },
  caller: Caller,
  productId: string,
  file: { contentType: AcceptedImageType; size: number; imageId?: string },
): Promise<ImageUpload> {
  const shop = await requireOwnShop(deps.store, caller);
  const { images } = await deps.store.products.getOwnedProduct(shop.id, productId);
  if (file.imageId) return resumeImageUpload(deps.signer, shop.id, productId, images, file.imageId, file.contentType);
  const kept = images.filter((i) => i.status !== 'rejected');
  if (kept.length >= MAX_IMAGES_PER_PRODUCT) {
    throw new ConflictError('too_many_images', `A product can have ${MAX_IMAGES_PER_PRODUCT} photos`, { images: `at most ${MAX_IMAGES_PER_PRODUCT}` });
  }
  const id = newId('img');
  const key = uploadKey(shop.id, productId, id);
  const position = images.reduce((max, i) => Math.max(max, i.position + 1), 0);
  const image = { id, key, position, status: 'uploading' as const };
  const upload = await deps.signer.presignImageUpload({ key, contentType: file.contentType, maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: UPLOAD_EXPIRY_SECONDS });
  await deps.store.images.createImage(productId, image);
  return { image, upload, expiresAt: new Date(Date.now() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString(), maxBytes: MAX_UPLOAD_BYTES };
}

/**
 * A fresh signature for a photo already started (its send was cut, or its signature expired): the
 * same record and key, so a send that did arrive after all is only overwritten, never doubled. A
 * photo that was received meanwhile answers 409 image_received (the phone may stop trying).
 */
async function resumeImageUpload(signer: UploadSigner, shopId: string, productId: string, images: ProductImage[], imageId: string, contentType: AcceptedImageType): Promise<ImageUpload> {
  const image = images.find((i) => i.id === imageId);
  if (!image) throw new NotFoundError('This photo');
  if (image.status !== 'uploading') throw new ConflictError('image_received', 'This photo was already received', { imageId: `already ${image.status ?? 'ready'}` });
  const key = uploadKey(shopId, productId, imageId);
  const upload = await signer.presignImageUpload({ key, contentType, maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: UPLOAD_EXPIRY_SECONDS });
  return { image, upload, expiresAt: new Date(Date.now() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString(), maxBytes: MAX_UPLOAD_BYTES };
}

export async function arrangeImages(store: Store, caller: Caller, productId: string, imageIds: string[]) {
  const current = await getMyProduct(store, caller, productId);
  await store.images.arrangeImages(productId, current.images, imageIds);
  await store.listings.refreshListing(productId);
  return getMyProduct(store, caller, productId);
}

export async function removeImage(deps: { store: Store; files: ImageFiles }, caller: Caller, productId: string, imageId: string) {
  await getMyProduct(deps.store, caller, productId); // ownership first: another shop's photo is "not found"
  const removed = await deps.store.images.removeImage(productId, imageId);
  await deps.store.listings.refreshListing(productId);
  // Uploads not yet processed expire by themselves (the bucket's lifecycle rule on uploads/).
  await deps.files.deleteImageFiles([removed.key, ...(removed.variants ?? []).map((v) => v.key)].filter(isPublicImageKey));
  return getMyProduct(deps.store, caller, productId);
}
