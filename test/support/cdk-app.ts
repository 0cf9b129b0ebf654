import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';

/**
 * Apps for the template tests: cdk.json's context (the feature flags and stages `cdk synth`
 * uses) under a stage of their own, "test" (eu-west-3, not production), with any setting over it.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
export const cdkContext = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
export const TEST_STAGES = { ...(cdkContext.stages as Record<string, unknown>), test: { region: 'eu-west-3' } };

export function testApp(workDir: string, context: Record<string, unknown> = {}): App {
  return new App({ context: { ...cdkContext, stages: TEST_STAGES, stage: 'test', ...context }, outdir: mkdtempSync(join(workDir, 'cdk.out-')) });
}

/** A throwaway built site (index.html), instead of web/dist. */
export function testSite(workDir: string): string {
  const site = join(workDir, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Dakhla Market</title><div id="app"></div>');
  return site;
}

/** A production stage with every setting a launch needs (a Route 53 zone, a sender, alerts, Stripe). */
export const PRODUCTION_SETTINGS = {
  stage: 'prod',
  account: '123456789012',
  domainName: 'dakhla.market',
  hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  hostedZoneName: 'dakhla.market',
  emailFrom: 'Dakhla Market <commandes@dakhla.market>',
  alertEmail: 'ops@dakhla.market',
  paymentProvider: 'stripe',
  whatsappPhoneNumberId: '106540352242922',
} as const;
