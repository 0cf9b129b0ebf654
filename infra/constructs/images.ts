import { readFileSync } from 'node:fs';
import { Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Route } from '#shared/routes.ts';
import { IMAGE_FAILURE_RETENTION_DAYS } from '../alarm-thresholds.ts';
import { UPLOAD_NOTIFICATION } from '../upload-notification.ts';
import { grantTable, HandlerFunction } from './handler-function.ts';

/** Key patterns of the image bucket that functions are granted on. */
export const IMAGE_KEYS = {
  /** Raw uploads (browser POST): private, expire after a day. */
  uploads: `${UPLOAD_NOTIFICATION.keyPrefix}*`,
  /** Web-sized variants: public through CloudFront. */
  products: 'products/*',
} as const;

/**
 * The image bucket's ARN crosses from StatefulStack to ApiStack as an explicit export, not as an
 * automatic reference: its value in ApiStack's policies is then a fixed `Fn::ImportValue` of a
 * known name, which the cdk-nag acknowledgements below can name exactly.
 */
export const imageBucketArnExportName = (statefulStackName: string) => `${statefulStackName}-ImageBucketArn`;

/** The image bucket as seen from another stack: imported by its exported ARN. */
export function importImageBucket(scope: Construct, id: string, bucket: s3.IBucket): s3.IBucket {
  return s3.Bucket.fromBucketArn(scope, id, Fn.importValue(imageBucketArnExportName(Stack.of(bucket).stackName)));
}

/** sharp's version, from package.json: the arm64 binary installed into the bundle must match it. */
/** Modules the image function keeps out of its bundle and installs beside it (the benchmark leaves them out too). */
export const IMAGE_FUNCTION_NODE_MODULES = ['sharp'];
const SHARP_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies.sharp;

/**
 * What a route may do with the image bucket (`access.images` in shared/routes.ts), granted
 * together with the IMAGE_BUCKET variable that names it:
 * - 'presign': s3:PutObject on uploads/* only — the presigned POST is signed with the
 *   function's role, so its policy can never reach further than this;
 * - 'delete': s3:DeleteObject on products/* (a removed photo's variants).
 */
export function grantImages(handler: HandlerFunction, bucket: s3.IBucket, access: NonNullable<Route['access']['images']>): iam.Grant {
  const fn = handler.fn;
  fn.addEnvironment('IMAGE_BUCKET', bucket.bucketName);
  const [actions, keys] = access === 'presign' ? [['s3:PutObject'], IMAGE_KEYS.uploads] : [['s3:DeleteObject'], IMAGE_KEYS.products];
  const grant = iam.Grant.addToPrincipal({ grantee: fn, actions, resourceArns: [bucket.arnForObjects(keys)] });
  Validations.of(handler).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${bucketArnToken(fn, bucket)}/${keys}]`,
    reason: `${actions.join(', ')} on the image bucket's ${keys} keys only (access.images = '${access}' in shared/routes.ts): object keys are made per photo at run time.`,
  });
  return grant;
}

export interface ImageProcessorProps {
  /** The image bucket, imported into this stack (importImageBucket): the notification is then managed here, with no dependency back on the bucket's stack. */
  readonly bucket: s3.IBucket;
  readonly table: dynamodb.ITable;
  readonly environment?: Record<string, string>;
}

/**
 * The image function (functions/images/process-upload.ts) and the bucket notification that
 * runs it for every object created under uploads/ (infra/upload-notification.ts, which the
 * local stack reads too). arm64 with sharp's linux-arm64 binary installed into the bundle;
 * may read and delete uploads/*, write products/*, and read and write the table. S3 invokes it
 * asynchronously: Lambda retries a failed event UPLOAD_NOTIFICATION.retryAttempts times (the local
 * store too), then sends it to `failures`, an encrypted queue kept 14 days and alarmed on.
 */
export class ImageProcessor extends Construct {
  readonly handler: HandlerFunction;
  /** The asynchronous invocations that failed every attempt (on-failure destination). */
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: ImageProcessorProps) {
    super(scope, id);
    this.handler = new HandlerFunction(this, 'Function', {
      module: 'images/process-upload',
      // A 12-MP photo decodes to ~36 MB of pixels; memory also buys the CPU that libvips uses.
      memorySize: 1536,
      timeout: Duration.seconds(60),
      environment: { ...props.environment, IMAGE_BUCKET: props.bucket.bucketName },
      bundling: {
        // sharp is a native module: kept out of the bundle and installed beside it, then swapped
        // for the linux-arm64 build the function runs on (the machine bundling may be x64).
        nodeModules: IMAGE_FUNCTION_NODE_MODULES,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `cd "${outputDir}" && npm install --no-save --no-audit --no-fund --loglevel=error --cpu=arm64 --os=linux --libc=glibc sharp@${SHARP_VERSION} && rm -f package-lock.json`,
          ],
        },
      },
    });
    const fn = this.handler.fn;
    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(IMAGE_FAILURE_RETENTION_DAYS),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the dead end: the image function's on-failure destination (events that failed every retry), alarmed when it holds a message.",
    });
    fn.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.failures),
      retryAttempts: UPLOAD_NOTIFICATION.retryAttempts,
      maxEventAge: Duration.hours(UPLOAD_NOTIFICATION.maxEventAgeHours),
    });
    grantTable(fn, props.table, 'read-write');
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['s3:GetObject', 's3:DeleteObject'], resourceArns: [props.bucket.arnForObjects(IMAGE_KEYS.uploads)] });
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['s3:PutObject'], resourceArns: [props.bucket.arnForObjects(IMAGE_KEYS.products)] });
    const bucketArn = bucketArnToken(fn, props.bucket);
    Validations.of(this.handler).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${IMAGE_KEYS.uploads}]`,
        reason: 'The image function reads and then deletes each original under uploads/; the keys are made per photo at run time.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/${IMAGE_KEYS.products}]`,
        reason: 'The image function writes the WebP variants of each photo under products/; the keys are made per photo at run time.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing (tracing: ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
      }
    );

    props.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), { prefix: UPLOAD_NOTIFICATION.keyPrefix });
    acknowledgeNotificationsHandler(Stack.of(this));
  }
}

/** How cdk-nag writes the bucket's ARN in a finding's id: the export's name for an import, `<Logical.Arn>` in the bucket's own stack. */
function bucketArnToken(scope: Construct, bucket: s3.IBucket): string {
  const resolved = Stack.of(scope).resolve(bucket.bucketArn) as { 'Fn::ImportValue'?: string; 'Fn::GetAtt'?: [string, string] } | string;
  if (typeof resolved === 'string') return resolved;
  if (resolved['Fn::ImportValue']) return resolved['Fn::ImportValue'];
  if (resolved['Fn::GetAtt']) return `<${resolved['Fn::GetAtt'][0]}.${resolved['Fn::GetAtt'][1]}>`;
  throw new Error(`bucketArnToken: unexpected bucket ARN ${JSON.stringify(resolved)}`);
}

/**
 * CDK's BucketNotificationsHandler: one singleton Lambda per stack, written and owned by CDK,
 * run at deploy time only to put the bucket's notification configuration.
 */
function acknowledgeNotificationsHandler(stack: Stack): void {
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
    Validations.of(child).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK\'s BucketNotificationsHandler (deploy-time only) uses the basic execution role for its logs.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CDK\'s BucketNotificationsHandler calls s3:PutBucketNotification, which CDK grants on * (the bucket is imported into this stack).',
      },
    );
  }
}
