import { defineConfig } from 'vitest/config';
import { assertNodeMajor } from './infra/node-version.ts';

assertNodeMajor();

/**
 * Five test projects: unit (beside the code), integration (handlers against the local
 * emulators), restarts (whole local stores stopped, killed and started again on a data folder;
 * after the others), infra (CDK template assertions and cdk-nag), e2e (headless Chromium against
 * the whole local store). `npm test` runs them all.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,functions,infra,web}/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Handlers under test log and count through Powertools: silent here (telemetry.test.ts turns metrics on).
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['./test/support/store.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Whole stores of their own (npm start processes on data folders), stopped, killed and
          // started again: after the other projects, which share the machine with nothing heavy then.
          name: 'restarts',
          include: ['test/restarts/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/support/store.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
