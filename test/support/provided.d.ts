// Values the global setups hand to the test files through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    storeUrl: string;
    dynamoEndpoint: string;
    tableName: string;
    /** cognito-local of the running store, its user pool and web app client. */
    cognitoEndpoint: string;
    userPoolId: string;
    clientId: string;
  }
}
export {};
