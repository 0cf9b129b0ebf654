import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { flatTemplate } from '../support/flat-template.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_METRICS, METRICS_NAMESPACE, SERVICE_NAME } from '#shared/observability.ts';
import { orderSaga } from '#shared/workflows/order-saga.ts';
import { ALARM_THRESHOLDS, DEFAULT_MONTHLY_BUDGET_USD } from '../../infra/alarm-thresholds.ts';
import { buildApp, type MarketplaceStacks } from '../../infra/app.ts';
import { checkConfig } from '../../infra/config.ts';
import { filterPattern, selects, workflowLogSelections } from '../../infra/constructs/monitoring.ts';
import { UPLOAD_NOTIFICATION } from '../../infra/upload-notification.ts';
import { testApp, testSite, TEST_STAGES, cdkContext } from '../support/cdk-app.ts';

/**
 * Alarms, dashboard, budget and the image function's failure queue in the synthesized templates:
 * every function of functions/ in every stack has its Errors alarm, every alarm notifies the
 * Ops stack's alert topic, and the alarms of issue 8 are there with the numbers of
 * infra/alarm-thresholds.ts. Synthesized without bundling (cdk-nag still runs at synth).
 */
type CfnResource = { Type: string; Properties: Record<string, any> };

const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };
let workDir: string;
let stacks: MarketplaceStacks;
const templates = new Map<Stack, Template>();
const template = (stack: Stack) => {
  if (!templates.has(stack)) templates.set(stack, flatTemplate(stack));
  return templates.get(stack)!;
};
const resourcesOf = (stack: Stack, type: string) => template(stack).findResources(type) as Record<string, CfnResource>;
const alarmsOf = (stack: Stack) => Object.values(resourcesOf(stack, 'AWS::CloudWatch::Alarm'));
/** The metrics an alarm reads (its own, or those of its math expression). */
const metricsOf = (alarm: CfnResource): Array<{ Namespace: string; MetricName: string; Dimensions?: Array<{ Name: string; Value: unknown }> }> =>
  alarm.Properties.MetricName
    ? [{ Namespace: alarm.Properties.Namespace, MetricName: alarm.Properties.MetricName, Dimensions: alarm.Properties.Dimensions }]
    : (alarm.Properties.Metrics as Array<{ MetricStat?: { Metric: any } }>).filter((m) => m.MetricStat).map((m) => m.MetricStat!.Metric);
const alarmOn = (stack: Stack, namespace: string, metricName: string) =>
  alarmsOf(stack).filter((alarm) => metricsOf(alarm).some((m) => m.Namespace === namespace && m.MetricName === metricName));
/** How a stack refers to the Ops stack's alert topic (an import of its ARN). */
const isAlertTopic = (value: unknown) => JSON.stringify(value).includes('AlertTopic');

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dakhla-monitoring-'));
  stacks = buildApp(testApp(workDir, NO_BUNDLING), { siteAssetPath: testSite(workDir) });
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('every function', () => {
  const storeFunctions = (stack: Stack) =>
    Object.entries(resourcesOf(stack, 'AWS::Lambda::Function')).filter(([, fn]) => String(fn.Properties.Description).startsWith('functions/'));

  it('of functions/, in the API and stateful stacks, has its Errors alarm (Sum ≥ 1 in 5 minutes) to the alert topic', () => {
    let counted = 0;
    for (const stack of [stacks.api, stacks.stateful]) {
      for (const [logicalId, fn] of storeFunctions(stack)) {
        const alarms = alarmOn(stack, 'AWS/Lambda', 'Errors').filter((alarm) => JSON.stringify(alarm.Properties.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: logicalId } }]));
        expect(alarms, `${fn.Properties.Description} has one Errors alarm`).toHaveLength(1);
        expect(alarms[0]!.Properties).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
        counted++;
      }
    }
    // The routes, the saga's tasks, the image function and the user pool's two triggers.
    expect(counted).toBeGreaterThanOrEqual(40);
    expect(storeFunctions(stacks.stateful).map(([, fn]) => fn.Properties.Description).sort()).toEqual(['functions/auth/custom-message.ts', 'functions/auth/pre-token-generation.ts']);
  });

  it('carries the Powertools settings: the service name and the metrics namespace of shared/observability.ts, INFO logs', () => {
    for (const stack of [stacks.api, stacks.stateful]) {
      for (const [, fn] of storeFunctions(stack)) {
        expect(fn.Properties.Environment.Variables, fn.Properties.Description).toMatchObject({
          POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
          POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
          POWERTOOLS_LOG_LEVEL: 'INFO',
        });
        expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      }
    }
  });

  it("has one alarm for the account's Lambda throttles (no dimensions: all functions share one concurrency pool)", () => {
    const throttles = alarmOn(stacks.api, 'AWS/Lambda', 'Throttles');
    expect(throttles).toHaveLength(1);
    expect(throttles[0]!.Properties.Dimensions).toBeUndefined();
  });
});

describe('every alarm', () => {
  it('notifies the alert topic when it fires and when it is OK again, and names its runbook entry', () => {
    const alarms = [...alarmsOf(stacks.api), ...alarmsOf(stacks.stateful)];
    expect(alarms.length).toBeGreaterThan(50);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmDescription).toHaveLength(1);
      expect(isAlertTopic(alarm.Properties.AlarmActions[0]), alarm.Properties.AlarmDescription).toBe(true);
      expect(isAlertTopic(alarm.Properties.OKActions?.[0]), alarm.Properties.AlarmDescription).toBe(true);
      expect(alarm.Properties.AlarmDescription).toMatch(/RUNBOOK\.md, "Alarms" → \w+/);
      expect(alarm.Properties.TreatMissingData).toBeDefined();
    }
  });

  it('has its entry in infra/RUNBOOK.md "Alarms"', () => {
    const runbook = readFileSync(join(import.meta.dirname, '../../infra/RUNBOOK.md'), 'utf8');
    const alarms = runbook.slice(runbook.indexOf('## Alarms'));
    const entries = [...alarms.matchAll(/^### (.+?) — /gm)].flatMap((m) => m[1]!.split(/,\s*/));
    for (const name of Object.keys(ALARM_THRESHOLDS)) expect(entries, name).toContain(name);
  });

  it('has its numbers, and why, in infra/alarm-thresholds.ts', () => {
    for (const [name, threshold] of Object.entries(ALARM_THRESHOLDS)) {
      expect(threshold.why.length, name).toBeGreaterThan(60);
      expect(['notBreaching', 'breaching', 'ignore', 'missing']).toContain(threshold.missingData);
    }
  });
});

describe('the alarms of the API, the saga, the table, the photos and the reconciler', () => {
  const api = () => stacks.api;

  it('API Gateway: 5xx (Sum ≥ 1) and p99 latency (≥ 3 s for three 5-minute periods)', () => {
    const [errors] = alarmOn(api(), 'AWS/ApiGateway', '5xx');
    expect(errors!.Properties).toMatchObject({ Statistic: 'Sum', Threshold: 1, EvaluationPeriods: 1 });
    expect(errors!.Properties.Dimensions).toEqual([{ Name: 'ApiId', Value: expect.anything() }]);
    const [latency] = alarmOn(api(), 'AWS/ApiGateway', 'Latency');
    expect(latency!.Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: 3000, EvaluationPeriods: 3, Period: 300 });
  });

  it('the order saga: executions timed out and aborted, and the failure rate', () => {
    for (const metric of ['ExecutionsTimedOut', 'ExecutionsAborted']) {
      const alarms = alarmOn(api(), 'AWS/States', metric);
      expect(alarms, metric).toHaveLength(1);
      expect(alarms[0]!.Properties.Dimensions[0].Name).toBe('StateMachineArn');
    }
    const [rate] = alarmOn(api(), 'AWS/States', 'ExecutionsFailed');
    expect(rate!.Properties.Threshold).toBe(0.5);
    expect(JSON.stringify(rate!.Properties.Metrics)).toContain('IF(started >= 5, failed / started, 0)');
  });

  it("the order saga's logs: every state whose compensation failed, and failures that are not a compensated cancellation", () => {
    const filters = Object.values(resourcesOf(api(), 'AWS::Logs::MetricFilter')).map((f) => f.Properties);
    const patterns = filters.map((f) => f.FilterPattern as string);
    const mustLook = patterns.find((p) => p.includes('FailStateEntered'))!;
    // Every Fail state of the definition whose error is CompensationFailed (the Map's own included).
    expect(mustLook).toContain('"CompensationFailed"');
    expect(mustLook).toContain('"SubOrderCompensationFailed"');
    const unexpected = patterns.find((p) => p.includes('ExecutionFailed'))!;
    expect(unexpected).toBe('{ ($.type = "ExecutionFailed") && ($.details.error != "OrderCancelled") }');
    for (const filter of filters) {
      expect(filter.LogGroupName).toEqual({ Ref: expect.stringMatching(/OrderSaga.*Logs/) });
      const alarm = alarmsOf(api()).find((a) => a.Properties.MetricName === filter.MetricTransformations[0].MetricName);
      expect(alarm?.Properties, filter.MetricTransformations[0].MetricName).toMatchObject({ Threshold: 1, Statistic: 'Sum', TreatMissingData: 'notBreaching' });
    }
  });

  it('DynamoDB: throttled requests and system errors, summed over the operations the store makes', () => {
    for (const metric of ['ThrottledRequests', 'SystemErrors']) {
      const [alarm] = alarmOn(api(), 'AWS/DynamoDB', metric);
      const operations = metricsOf(alarm!).map((m) => m.Dimensions!.find((d) => d.Name === 'Operation')!.Value);
      expect(operations.sort(), metric).toEqual(['BatchGetItem', 'BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'TransactGetItems', 'TransactWriteItems', 'UpdateItem']);
      expect(alarm!.Properties.Threshold).toBe(1);
    }
  });

  it("the image function: failed events go to an encrypted failure queue (14 days) after Lambda's retries, alarmed on any message", () => {
    const queues = resourcesOf(api(), 'AWS::SQS::Queue');
    const [queueId, queue] = Object.entries(queues).find(([id]) => id.includes('ImageProcessorFailures'))!;
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const [queuePolicy] = Object.values(resourcesOf(api(), 'AWS::SQS::QueuePolicy')).filter((p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: queueId }]));
    expect(queuePolicy!.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const [config] = Object.values(resourcesOf(api(), 'AWS::Lambda::EventInvokeConfig'));
    expect(config!.Properties).toMatchObject({
      MaximumRetryAttempts: UPLOAD_NOTIFICATION.retryAttempts,
      MaximumEventAgeInSeconds: UPLOAD_NOTIFICATION.maxEventAgeHours * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    const imageFunction = Object.entries(resourcesOf(api(), 'AWS::Lambda::Function')).find(([, fn]) => fn.Properties.Description === 'functions/images/process-upload.ts')!;
    expect(config!.Properties.FunctionName).toEqual({ Ref: imageFunction[0] });
    const [visible] = alarmOn(api(), 'AWS/SQS', 'ApproximateNumberOfMessagesVisible');
    expect(visible!.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: 1, Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }] });
  });

  it("the reconciler's DakhlaMarket/OrdersNeedingAttention (service dimension): above 0, and silent for two hours (missing data breaches)", () => {
    const alarms = alarmOn(api(), METRICS_NAMESPACE, 'OrdersNeedingAttention');
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) expect(alarm.Properties.Dimensions).toEqual([{ Name: 'service', Value: SERVICE_NAME }]);
    expect(alarms.find((a) => a.Properties.Statistic === 'Maximum')!.Properties).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' });
    expect(alarms.find((a) => a.Properties.Statistic === 'SampleCount')!.Properties).toMatchObject({
      Threshold: 0,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
      Period: 7200,
      TreatMissingData: 'breaching',
    });
  });
});

describe('the alarm on notices to artisans', () => {
  it('sums DakhlaMarket/NoticesFailed of both channels over an hour, at 3 or more', () => {
    const [alarm] = alarmsOf(stacks.api).filter((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('"NoticesFailed"'));
    expect(alarm!.Properties).toMatchObject({ Threshold: 3, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    const metrics = alarm!.Properties.Metrics as { Id: string; Expression?: string; MetricStat?: { Metric: { Dimensions: { Name: string; Value: string }[] }; Period: number } }[];
    expect(metrics.find((m) => m.Expression)!.Expression).toBe('email + whatsapp');
    const channels = metrics.filter((m) => m.MetricStat).map((m) => m.MetricStat!.Metric.Dimensions.find((d) => d.Name === 'channel')!.Value);
    expect(channels.sort()).toEqual(['email', 'whatsapp']);
    for (const m of metrics.filter((m) => m.MetricStat)) expect(m.MetricStat!.Period).toBe(3600);
  });
});

describe('the dashboard', () => {
  it('shows orders, payments, errors and latency at a glance', () => {
    const [dashboard] = Object.values(resourcesOf(stacks.api, 'AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const metric of ['OrdersPlaced', 'PaymentsCaptured', 'PaymentsFailed', 'RefundsIssued', 'SagasCompensated', 'ParcelsDelivered', 'OrdersNeedingAttention', 'ClientLimitRefused', 'ImagesRejected']) {
      expect(body, metric).toContain(metric);
    }
    for (const text of ['5xx', 'Latency', 'p99', 'ExecutionsFailed', 'ThrottledRequests', 'Lambda Errors']) expect(body, text).toContain(text);
    for (const method of BUSINESS_METRICS.OrdersPlaced.dimensions.paymentMethod) expect(body).toContain(`placed: ${method}`);
  });
});

describe('the monthly budget', () => {
  it('is in the Ops stack, the default amount, alerting the topic at 80 % actual and 100 % forecast', () => {
    const [budget] = Object.values(resourcesOf(stacks.ops, 'AWS::Budgets::Budget'));
    expect(budget!.Properties.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: DEFAULT_MONTHLY_BUDGET_USD, Unit: 'USD' } });
    const notifications = budget!.Properties.NotificationsWithSubscribers as Array<{ Notification: any; Subscribers: any[] }>;
    expect(notifications.map((n) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([['ACTUAL', 80], ['FORECASTED', 100]]);
    for (const n of notifications) expect(n.Subscribers).toEqual([{ SubscriptionType: 'SNS', Address: { Ref: expect.stringMatching(/^AlertTopic/) } }]);
  });

  it('lets Budgets and CloudWatch (this account only) publish to the alert topic', () => {
    const [policy] = Object.values(resourcesOf(stacks.ops, 'AWS::SNS::TopicPolicy'));
    const statements = policy!.Properties.PolicyDocument.Statement as Array<Record<string, any>>;
    for (const service of ['budgets.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      const statement = statements.find((s) => s.Principal?.Service === service);
      expect(statement, service).toMatchObject({ Effect: 'Allow', Action: 'sns:Publish', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } });
    }
  });

  it('takes its amount from the monthlyBudgetUsd setting, and refuses one that is not a whole number of dollars', () => {
    const source = (context: Record<string, unknown>) => ({ tryGetContext: (key: string) => ({ ...cdkContext, stages: TEST_STAGES, stage: 'test', ...context })[key] });
    expect(checkConfig(source({ monthlyBudgetUsd: 120 }), {}).config!.monthlyBudgetUsd).toBe(120);
    expect(checkConfig(source({}), { DAKHLA_MONTHLY_BUDGET_USD: '75' }).config!.monthlyBudgetUsd).toBe(75);
    expect(checkConfig(source({ monthlyBudgetUsd: 'lots' }), {}).problems).toEqual([expect.stringMatching(/^Invalid infra setting "monthlyBudgetUsd" \(stage test\): "lots" must be a whole number/)]);
  });
});

describe("the saga's log selections", () => {
  it('are written as CloudWatch Logs filter patterns and as the same test in code', () => {
    const { operatorMustLook, failedUnexpectedly } = workflowLogSelections(orderSaga);
    expect([...operatorMustLook.values].sort()).toEqual(['CompensationFailed', 'SubOrderCompensationFailed']);
    expect(filterPattern(operatorMustLook)).toBe('{ ($.type = "FailStateEntered") && ($.details.name = "SubOrderCompensationFailed" || $.details.name = "CompensationFailed") }');
    expect(selects(operatorMustLook, { type: 'FailStateEntered', details: { name: 'CompensationFailed' } })).toBe(true);
    expect(selects(operatorMustLook, { type: 'FailStateEntered', details: { name: 'OrderCancelled' } })).toBe(false);
    expect(selects(failedUnexpectedly, { type: 'ExecutionFailed', details: { error: 'OrderCancelled' } })).toBe(false);
    expect(selects(failedUnexpectedly, { type: 'ExecutionFailed', details: { error: 'States.Runtime' } })).toBe(true);
    expect(selects(failedUnexpectedly, { type: 'ExecutionSucceeded' })).toBe(false);
  });
});
