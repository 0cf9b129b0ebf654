// Values the global setups hand to the test files through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    storeUrl: string;
    dynamoEndpoint: string;
    tableName: string;
  }
}
export {};
