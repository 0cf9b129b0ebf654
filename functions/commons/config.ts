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
  /** The Cognito user pool (USER_POOL_ID). */
  get userPoolId(): string {
    return userPoolId();
  },
  /** Path-style S3 URLs (S3_FORCE_PATH_STYLE=true): the local S3 front and s3rver only. */
  s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
};
