import { S3Client } from '@aws-sdk/client-s3';
import { config } from './config.ts';
import { credentials } from './env-credentials.ts';
import { traced } from './tracing.ts';

/**
 * The image bucket's S3 client, built once per process. Its own module, not clients.ts: the
 * S3 client's code is kept by esbuild wherever it is imported (its modules have top-level
 * effects), and the catalogue functions that never touch S3 should not carry ~400 KB of it.
 * The endpoint comes from the SDK's own settings: in AWS the regional S3 endpoint; locally
 * AWS_ENDPOINT_URL_S3 is the gateway's S3 front (path-style, same origin as the store).
 */
export const s3 = traced(new S3Client({ credentials, forcePathStyle: config.s3ForcePathStyle }));
