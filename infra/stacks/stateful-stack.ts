import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { logBucket, privateBucket } from '../constructs/private-bucket.ts';
import { GLOBAL_INDEXES, TABLE_KEY, TTL_ATTRIBUTE } from '#shared/data/table-definition.ts';
import { ACCOUNT_GROUPS, INVITATION_EMAIL, PASSWORD_POLICY, TOKEN_VALIDITY, USER_POOL_TRIGGERS, VERIFICATION_EMAIL, type UserPoolTrigger } from '#shared/domain/accounts.ts';
import { PUBLIC_IMAGE_PREFIXES, UPLOAD_PREFIX } from '#shared/domain/images.ts';
import type { SesSender } from '../constructs/email.ts';
import { HandlerFunction, TRACING_ACKNOWLEDGEMENT } from '../constructs/handler-function.ts';
import { imageBucketArnExportName } from '../constructs/images.ts';
import { EmailIdentityVerified } from '../constructs/mail-sender.ts';
import { alarmFunctions } from '../constructs/monitoring.ts';
import { UserPoolWebAcl } from '../constructs/web-acl.ts';

/** Where each user-pool trigger of shared/domain/accounts.ts hooks into the pool. */
const TRIGGER_OPERATIONS: Record<UserPoolTrigger, cognito.UserPoolOperation> = {
  PreTokenGeneration: cognito.UserPoolOperation.PRE_TOKEN_GENERATION,
  CustomMessage: cognito.UserPoolOperation.CUSTOM_MESSAGE,
};
/** The triggers that read users (AdminGetUser): the pre-token trigger reads a user's MFA settings; the message trigger reads nothing. */
const TRIGGERS_READING_USERS: ReadonlySet<UserPoolTrigger> = new Set(['PreTokenGeneration']);

export interface StatefulStackProps extends StackProps {
  /** Origins the browser may POST presigned uploads from (see infra/config.ts). */
  readonly uploadOrigins: readonly string[];
  /**
   * The stage's own SES sender (OpsStack): Cognito sends its codes through it, once SES says the
   * identity is verified (a deploy-time wait). Unset: Cognito's default sender (dev).
   */
  readonly cognitoSender?: SesSender;
  /** The stage's alert topic (OpsStack): the triggers' error alarms notify it. */
  readonly alertTopic: sns.ITopic;
}

/**
 * What holds data and must outlive any redeploy: the single table and the product-image
 * bucket. Everything here is retained when the stack is deleted; stateless stacks
 * (API, web) can be destroyed and rebuilt around it.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly imageBucket: s3.Bucket;
  readonly userPool: cognito.UserPool;
  /** The web store's public app client (no secret): sign-up and sign-in from the browser. */
  readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    // Single-table design. The layout comes from shared/data/table-definition.ts, which the
    // local provisioner reads too; key formats and access patterns: shared/data/DATA-MODEL.md.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEY.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEY.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // For later consumers (search index, notifications); costs nothing until read.
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of GLOBAL_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    const accessLogsBucket = logBucket(
      this,
      'AccessLogsBucket',
      'This bucket is the server-access-log target of the image bucket; logging its own writes would recurse.',
    );

    this.imageBucket = privateBucket(this, 'ImageBucket', {
      // Artisans re-upload under the same key from flaky networks: keep the previous version a while.
      versioned: true,
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(30) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Raw uploads (camera EXIF, GPS included) are deleted by the image function once processed;
        // any left behind (failed, abandoned) go after a day, their old versions a day later.
        { id: 'ExpireUploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
      ],
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'image-bucket/',
      cors: [
        {
          // Presigned POST uploads straight from the artisan's browser.
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [...props.uploadOrigins],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Location'],
          maxAge: 3000,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ApiStack (presigning routes, the image function and its notification) imports the bucket by this.
    new CfnOutput(this, 'ImageBucketArn', { value: this.imageBucket.bucketArn, exportName: imageBucketArnExportName(this.stackName) });

    // CloudFront (WebStack) reads images through Origin Access Control. The grant lives here,
    // not in WebStack: the distribution's ARN would make this stack depend on WebStack, which
    // already depends on this one (a cycle). So it names any distribution of this account —
    // the same wildcard CDK itself uses for OAC key policies — and reads only, and only the
    // public prefixes (variants, portraits): /images/uploads/... is a 403, never a raw upload.
    this.imageBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudFrontOacRead',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: PUBLIC_IMAGE_PREFIXES.map((prefix) => this.imageBucket.arnForObjects(`${prefix}*`)),
        conditions: {
          StringEquals: { 'AWS:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
        },
      }),
    );

    // Accounts: artisans sign themselves up with their email; operators are made by an operator
    // (`npm run create-operator -- --user-pool-id …`). The same settings drive the local pool
    // (infra/local/cognito.ts) through shared/domain/accounts.ts.
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        phoneNumber: { required: false, mutable: true },
      },
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
        tempPasswordValidity: Duration.days(PASSWORD_POLICY.temporaryPasswordDays),
      },
      userVerification: {
        emailStyle: cognito.VerificationEmailStyle.CODE,
        emailSubject: VERIFICATION_EMAIL.subject,
        emailBody: VERIFICATION_EMAIL.body,
      },
      // Operators invited from the console (AdminCreateUser): the same text the local outbox shows.
      userInvitation: { emailSubject: INVITATION_EMAIL.subject, emailBody: INVITATION_EMAIL.body },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      ...(props.cognitoSender ? { email: cognitoEmail(props.cognitoSender) } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (props.cognitoSender) {
      // Cognito refuses an SES identity that is not verified yet: the pool waits for it.
      this.userPool.node.addDependency(new EmailIdentityVerified(this, 'SenderVerified', { identityName: props.cognitoSender.identity }).resource);
    }
    // The browser calls the pool directly (not through CloudFront): its own web ACL, per-IP rate
    // rules on sign-up, codes, password resets and sign-in (infra/waf-rules.ts).
    new UserPoolWebAcl(this, 'UserPoolWebAcl', { userPool: this.userPool });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG1',
        reason: 'Length only, on purpose (NIST SP 800-63B rev. 4: a minimum length of 15 for a password that is the only factor, no composition rules, a check against common passwords): composition rules push beginners to Password1! and away from passphrases. Common, guessable and personal passwords are refused where they are chosen (shared/domain/passwords.ts).',
      },
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is optional (TOTP apps) for the pool, not required: artisans sign up on their phones during a short first training, often without a second device or an authenticator app. Operators are held to it by the pre-token-generation trigger: without TOTP their token carries no MFA claim and operator routes answer 403 mfa_required.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Essentials feature plan at launch: the Plus plan (threat protection) has no free tier and is billed per active user; the pool has a strong password policy, optional TOTP MFA and admin-made operator accounts. Switch featurePlan to PLUS when the budget allows.',
      },
    );
    for (const group of ACCOUNT_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: group === 'operator' ? 'Regional investment centre team: approves shops, moderates' : 'Approved artisans and cooperatives running a shop',
      });
    }
    this.userPoolClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'dakhla-market-web',
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(TOKEN_VALIDITY.idTokenMinutes),
      accessTokenValidity: Duration.minutes(TOKEN_VALIDITY.accessTokenMinutes),
      refreshTokenValidity: Duration.days(TOKEN_VALIDITY.refreshTokenDays),
    });

    // The pool's triggers (functions/auth/): the same handler modules cognito-local runs locally.
    // The pre-token-generation trigger reads a user's MFA settings: AdminGetUser on this pool
    // only, in a policy of its own — the role's default policy would make the function depend on
    // the pool, which already depends on the function (pool → function → policy → pool).
    for (const [trigger, module] of Object.entries(USER_POOL_TRIGGERS) as [UserPoolTrigger, string][]) {
      const handler = new HandlerFunction(this, `${trigger}Trigger`, { module, timeout: Duration.seconds(5) });
      this.userPool.addTrigger(TRIGGER_OPERATIONS[trigger], handler.fn);
      if (TRIGGERS_READING_USERS.has(trigger)) {
        new iam.Policy(this, `${trigger}TriggerReadsUsers`, {
          roles: [handler.fn.role!],
          statements: [new iam.PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] })],
        });
      }
      Validations.of(handler).acknowledge(TRACING_ACKNOWLEDGEMENT);
      // A failing trigger fails every sign-in and refresh: its errors are alarmed like every function's.
      alarmFunctions(this, [handler], props.alertTopic);
    }

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'For the table scripts: `npm run backfill-order-contacts -- --table …`, `npm run reindex-search -- --table …`' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId, description: 'For `npm run create-operator -- --user-pool-id …`' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }
}

/** Cognito's emails (sign-up codes, password resets) from the stage's sender, through SES and its configuration set. */
function cognitoEmail(sender: SesSender): cognito.UserPoolEmail {
  const named = /^(.*?)\s*<([^>]+)>$/.exec(sender.from);
  const fromEmail = (named ? named[2]! : sender.from).toLowerCase();
  return cognito.UserPoolEmail.withSES({
    fromEmail,
    ...(named?.[1] ? { fromName: named[1] } : {}),
    ...(sender.identity.includes('@') ? {} : { sesVerifiedDomain: sender.identity }),
    ...(sender.configurationSetName ? { configurationSetName: sender.configurationSetName } : {}),
  });
}
