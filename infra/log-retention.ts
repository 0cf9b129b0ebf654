import type { IAspect } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';

/**
 * One log retention for a whole stage (infra/config.ts `logRetentionDays`: a year in production, a
 * month elsewhere), applied to every log group of the app — the functions', the state machines',
 * the API's access logs — so that no construct carries its own stage-dependent number.
 */
export class StageLogRetention implements IAspect {
  constructor(private readonly days: number) {}

  visit(node: IConstruct): void {
    if (node instanceof logs.CfnLogGroup) node.retentionInDays = this.days;
  }
}
