/**
 * The functions' configuration, read from the environment once at cold start.
 * Nothing else reads process.env. A missing variable fails the cold start with its name;
 * a setting only some functions get (the image bucket) fails when a function that lacks it
 * uses it, so the others still start.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** A setting only some functions have: reading it where it is absent names the variable. */
function requiredWhenUsed(name: string, who: string): () => string {
  const value = process.env[name];
  return () => {
    if (!value) throw new Error(`Environment variable ${name} is not set (only ${who} get it)`);
    return value;
  };
}

const imageBucket = requiredWhenUsed('IMAGE_BUCKET', 'functions granted the image bucket');
const userPoolId = requiredWhenUsed('USER_POOL_ID', 'functions granted the user pool');
const orderSagaArn = requiredWhenUsed('ORDER_SAGA_ARN', 'functions granted the order saga');
const emailFrom = requiredWhenUsed('EMAIL_FROM', 'functions that send email');
const emailTransport = requiredWhenUsed('EMAIL_TRANSPORT', 'functions that send email');
const outboxUrl = requiredWhenUsed('OUTBOX_URL', 'functions that send email locally');
const publicBaseUrl = requiredWhenUsed('PUBLIC_BASE_URL', 'checkout, the payment routes, the saga tasks and email links (ApiStack sets it from the domain or the distribution)');
const cmiGatewayUrl = requiredWhenUsed('CMI_GATEWAY_URL', 'the functions of a stage whose card provider is cmi (ApiStack sets it from the stage\'s cmiGatewayUrl)');
const cmiApiUrl = requiredWhenUsed('CMI_API_URL', 'the functions of a stage whose card provider is cmi');
const whatsappPhoneNumberId = requiredWhenUsed('WHATSAPP_PHONE_NUMBER_ID', 'functions that notify artisans (ApiStack sets it from the stage\'s whatsappPhoneNumberId)');
const whatsappApiBase = requiredWhenUsed('WHATSAPP_API_BASE', 'functions that notify artisans (https://graph.facebook.com in AWS, the local gateway locally)');
const paymentSecretName = requiredWhenUsed('PAYMENT_SECRET_NAME', 'functions that verify payment webhooks or call a payment provider');

export const config = {
  tableName: required('TABLE_NAME'),
  /** The product-image bucket (IMAGE_BUCKET). */
  get imageBucket(): string {
    return imageBucket();
  },
  /** The order saga's state machine (ORDER_SAGA_ARN). */
  get orderSagaArn(): string {
    return orderSagaArn();
  },
  /** The sender of order emails (EMAIL_FROM), e.g. "Dakhla Market <commandes@dakhla.market>": an SES identity in AWS. */
  get emailFrom(): string {
    return emailFrom();
  },
  /** The SES configuration set emails go through (EMAIL_CONFIGURATION_SET): bounces and complaints reach the alert topic. Unset locally and on stages without their own sender. */
  emailConfigurationSet: process.env.EMAIL_CONFIGURATION_SET,
  /** An endpoint for SES instead of the regional one, as the SDK reads it (AWS_ENDPOINT_URL_SESV2, else AWS_ENDPOINT_URL): functions/commons/ses-send.ts. Unset in AWS. */
  sesEndpoint: process.env.AWS_ENDPOINT_URL_SESV2 || process.env.AWS_ENDPOINT_URL || undefined,
  /** How email leaves (EMAIL_TRANSPORT): `ses` in AWS, `outbox` locally (POSTed to OUTBOX_URL). */
  get emailTransport(): 'ses' | 'outbox' {
    const transport = emailTransport();
    if (transport !== 'ses' && transport !== 'outbox') throw new Error(`EMAIL_TRANSPORT must be "ses" or "outbox", not "${transport}"`);
    return transport;
  },
  /** The local outbox that takes emails by POST (OUTBOX_URL): the local gateway's /dev/outbox. */
  get outboxUrl(): string {
    return outboxUrl();
  },
  /** The WhatsApp Business phone number messages are sent from (WHATSAPP_PHONE_NUMBER_ID: Meta's id of it, not the number). */
  get whatsappPhoneNumberId(): string {
    return whatsappPhoneNumberId();
  },
  /** The Graph API's origin (WHATSAPP_API_BASE, no trailing slash): https://graph.facebook.com, or the local gateway's stand-in. */
  get whatsappApiBase(): string {
    return whatsappApiBase().replace(/\/+$/, '');
  },
  /** The Cloud API access token when given directly (WHATSAPP_TOKEN: the local stack); otherwise the secret WHATSAPP_SECRET_NAME holds it (`accessToken`). */
  whatsappToken: process.env.WHATSAPP_TOKEN || undefined,
  /** The Secrets Manager secret (JSON `{"accessToken": "…"}`) with the WhatsApp Cloud API's token (a system user's). */
  whatsappSecretName: process.env.WHATSAPP_SECRET_NAME || undefined,
  /** The Cognito user pool (USER_POOL_ID). */
  get userPoolId(): string {
    return userPoolId();
  },
  /** Which provider card orders use (PAYMENT_PROVIDER): sandbox (default), cmi or stripe. */
  paymentProvider: process.env.PAYMENT_PROVIDER,
  /** The store's public URL, no trailing slash (PUBLIC_BASE_URL): payment pages and webhooks are under it. */
  get publicBaseUrl(): string {
    return publicBaseUrl().replace(/\/+$/, '');
  },
  /**
   * The sandbox webhook secret when given directly (SANDBOX_WEBHOOK_SECRET: the local stack);
   * otherwise the payment secret (PAYMENT_SECRET_NAME, Secrets Manager) holds it.
   */
  sandboxWebhookSecret: process.env.SANDBOX_WEBHOOK_SECRET,
  /** CMI's 3-D Secure gate the shopper's browser posts to (CMI_GATEWAY_URL, e.g. https://payment.cmi.co.ma/fim/est3Dgate). */
  get cmiGatewayUrl(): string {
    return cmiGatewayUrl();
  },
  /** CMI's merchant API for voids, refunds and captures (CMI_API_URL, e.g. https://payment.cmi.co.ma/fim/api). */
  get cmiApiUrl(): string {
    return cmiApiUrl();
  },
  /**
   * CMI's credentials when given directly (CMI_CLIENT_ID, CMI_STORE_KEY, CMI_API_USER, CMI_API_PASSWORD: the local stack and
   * its CMI test gateway); otherwise the payment secret holds cmiClientId, cmiStoreKey, cmiApiUser, cmiApiPassword.
   */
  cmiCredentials: process.env.CMI_STORE_KEY
    ? { clientId: process.env.CMI_CLIENT_ID ?? '', storeKey: process.env.CMI_STORE_KEY, apiUser: process.env.CMI_API_USER ?? '', apiPassword: process.env.CMI_API_PASSWORD ?? '' }
    : undefined,
  /** The Secrets Manager secret (JSON) with `sandboxWebhookSecret`, `stripeSecretKey`, `stripeWebhookSecret`, `cmiClientId`, `cmiStoreKey`, `cmiApiUser`, `cmiApiPassword`. */
  get paymentSecretName(): string {
    return paymentSecretName();
  },
  paymentSecretNameSet: !!process.env.PAYMENT_SECRET_NAME,
  /**
   * The secret only the edge knows (ORIGIN_VERIFY_SECRET): CloudFront sends it to the API as an
   * origin custom header, the local gateway as the same header. When set, the HTTP edge refuses
   * a request without it (403): nobody reaches the functions around CloudFront.
   */
  originVerifySecret: process.env.ORIGIN_VERIFY_SECRET || undefined,
  /** The region the function runs in (AWS_REGION, set by Lambda): written on the X-Ray subsegments of SDK calls. */
  awsRegion: process.env.AWS_REGION,
  /**
   * Where X-Ray segment documents go (AWS_XRAY_DAEMON_ADDRESS, `host:port`): Lambda sets it when
   * active tracing is on. Unset locally, where nothing is traced (functions/commons/tracing.ts).
   */
  xrayDaemonAddress: process.env.AWS_XRAY_DAEMON_ADDRESS || undefined,
  /** An endpoint for S3 instead of the regional one, as the SDK reads it (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL): the local S3 front; presigned POSTs are made without the SDK (functions/commons/s3-presigned-post.ts). */
  s3Endpoint: process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined,
  /** Path-style S3 URLs (S3_FORCE_PATH_STYLE=true): the local S3 front and s3rver only. */
  s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
};
