import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import type { ImageFiles } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';
import { s3 } from './s3.ts';

/** Deletes a removed photo's files from the image bucket. */
export const imageFiles: ImageFiles = {
  async deleteImageFiles(keys) {
    if (keys.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: config.imageBucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
  },
};
