import type { TestProject } from 'vitest/node';
import { startStoreProcess } from './store-process.ts';

/**
 * Starts the whole local store exactly as a newcomer does (`infra/local/start.ts`, the
 * script behind `npm start`), on free ports with in-memory data, and stops it with Ctrl-C
 * (SIGINT) at the end — so every run also checks the clean shutdown.
 */
export default async function setup(project: TestProject) {
  const store = await startStoreProcess(['--port', '0', '--ephemeral', '--quiet', '--bundled']);
  project.provide('storeUrl', store.url);
  project.provide('dynamoEndpoint', store.dynamoEndpoint);
  project.provide('tableName', 'dakhla-market');
  project.provide('cognitoEndpoint', store.cognito.endpoint);
  project.provide('userPoolId', store.cognito.userPoolId);
  project.provide('clientId', store.cognito.clientId);

  return async () => {
    const code = await store.stop('SIGINT');
    if (code !== 0) throw new Error(`the local store did not shut down cleanly on SIGINT (${code}):\n${store.output().slice(-2000)}`);
  };
}
