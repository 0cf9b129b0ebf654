import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { BUSINESS_METRICS, METRICS_NAMESPACE, SERVICE_DIMENSION, SERVICE_NAME, type BusinessMetric } from '#shared/observability.ts';
import { statesOf, type Workflow } from '#shared/workflows/definition.ts';
import { ALARM_THRESHOLDS, SAGA_FAILURE_RATE_MIN_STARTED, type AlarmName, type AlarmThreshold } from '../alarm-thresholds.ts';
import { HandlerFunction } from './handler-function.ts';
import type { WorkflowStateMachine } from './workflow.ts';

/**
 * The stage's alarms and its dashboard, all alarms to the Ops stack's alert topic (numbers and
 * reasons: infra/alarm-thresholds.ts; what to do: infra/RUNBOOK.md "Alarms"):
 * - per function of functions/ in the stack: Lambda Errors (`alarmFunctions`, which the stateful
 *   stack's pre-token trigger uses too); the account's Lambda throttles, once;
 * - the HTTP API: 5xx, p99 latency;
 * - each workflow: executions timed out, aborted, failed other than by a compensated cancellation
 *   (from its logs), the failure rate, and every "an operator must look" state it enters;
 * - the table: throttled requests and system errors over the operations the store makes;
 * - the image function's failure queue (messages visible);
 * - the reconciler's finding count (DakhlaMarket/OrdersNeedingAttention > 0) and its silence.
 * One dashboard: orders, payments, errors, latency.
 */

/** The Fail-state error of a compensation that failed: an operator must look (shared/workflows/order-saga.ts). */
export const OPERATOR_MUST_LOOK_ERROR = 'CompensationFailed';

/** The operations the store makes on its table (infra/constructs/handler-function.ts TABLE_ACTIONS, transactions): ≤ 10, an alarm's limit of metrics. */
const TABLE_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.BATCH_WRITE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
  dynamodb.Operation.TRANSACT_GET_ITEMS,
];

/**
 * A selection of a state machine's log events (Step Functions' CloudWatch Logs format: `type`,
 * `details`), written once as data: `pattern` is the CloudWatch Logs filter pattern, `matches` the
 * same test in code, so a test can hold the pattern to the events the local runner records.
 */
export interface LogSelection {
  readonly type: string;
  readonly field: 'details.name' | 'details.error';
  readonly values: readonly string[];
  /** `in`: the field is one of `values`; `notIn`: none of them. */
  readonly test: 'in' | 'notIn';
}
export function filterPattern(selection: LogSelection): string {
  const op = selection.test === 'in' ? '=' : '!=';
  const join = selection.test === 'in' ? ' || ' : ' && ';
  const values = selection.values.map((value) => `$.${selection.field} ${op} ${JSON.stringify(value)}`).join(join);
  return `{ ($.type = ${JSON.stringify(selection.type)}) && (${values}) }`;
}
export function selects(selection: LogSelection, event: { type: string; details?: Record<string, unknown> }): boolean {
  if (event.type !== selection.type) return false;
  const value = event.details?.[selection.field.slice('details.'.length)];
  const found = typeof value === 'string' && selection.values.includes(value);
  return selection.test === 'in' ? found : !found;
}

/** What a workflow's logs are watched for: entering a state whose compensation failed; failing for another reason than an ordinary cancellation. */
export function workflowLogSelections(workflow: Workflow): { operatorMustLook: LogSelection; failedUnexpectedly: LogSelection } {
  const failStates = statesOf(workflow.definition).filter(({ state }) => state.Type === 'Fail');
  const mustLook = failStates.filter(({ state }) => (state as { Error?: string }).Error === OPERATOR_MUST_LOOK_ERROR).map(({ name }) => name);
  const ordinary = [...new Set(failStates.map(({ state }) => (state as { Error?: string }).Error).filter((error): error is string => !!error && error !== OPERATOR_MUST_LOOK_ERROR))];
  return {
    operatorMustLook: { type: 'FailStateEntered', field: 'details.name', values: mustLook, test: 'in' },
    failedUnexpectedly: { type: 'ExecutionFailed', field: 'details.error', values: ordinary, test: 'notIn' },
  };
}

const period = (t: AlarmThreshold) => Duration.minutes(t.periodMinutes);
const MISSING: Record<AlarmThreshold['missingData'], cloudwatch.TreatMissingData> = {
  notBreaching: cloudwatch.TreatMissingData.NOT_BREACHING,
  breaching: cloudwatch.TreatMissingData.BREACHING,
  ignore: cloudwatch.TreatMissingData.IGNORE,
  missing: cloudwatch.TreatMissingData.MISSING,
};

/** An alarm from its thresholds (alarm-thresholds.ts), notifying the topic on ALARM and on OK. */
export function thresholdAlarm(scope: Construct, id: string, props: { name: AlarmName; metric: cloudwatch.IMetric; topic: sns.ITopic; description: string }): cloudwatch.Alarm {
  const t: AlarmThreshold = ALARM_THRESHOLDS[props.name];
  const alarm = new cloudwatch.Alarm(scope, id, {
    metric: props.metric,
    threshold: t.threshold,
    evaluationPeriods: t.evaluationPeriods,
    comparisonOperator: t.below ? cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD : cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: MISSING[t.missingData],
    alarmDescription: `${props.description} Runbook: infra/RUNBOOK.md, "Alarms" → ${props.name}.`.slice(0, 1024),
  });
  alarm.addAlarmAction(new actions.SnsAction(props.topic));
  alarm.addOkAction(new actions.SnsAction(props.topic));
  return alarm;
}

/** A business metric of the store (shared/observability.ts), with its `service` dimension. */
export function businessMetric(name: BusinessMetric, options: { statistic?: string; period?: Duration; dimensions?: Record<string, string>; label?: string } = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { [SERVICE_DIMENSION]: SERVICE_NAME, ...options.dimensions },
    statistic: options.statistic ?? 'Sum',
    period: options.period ?? Duration.minutes(5),
    ...(options.label ? { label: options.label } : {}),
  });
}

/** The run-time functions (handlers of functions/) under a scope: what gets alarms. */
export function storeFunctions(scope: IConstruct): HandlerFunction[] {
  return scope.node.findAll().filter((c): c is HandlerFunction => c instanceof HandlerFunction && c.source.startsWith('functions/'));
}

/** Lambda Errors alarms, one per function (the function's path in its description). */
export function alarmFunctions(scope: Construct, handlers: readonly HandlerFunction[], topic: sns.ITopic): cloudwatch.Alarm[] {
  return handlers.map((handler) =>
    thresholdAlarm(handler, 'ErrorsAlarm', {
      name: 'lambdaErrors',
      metric: handler.fn.metricErrors({ period: period(ALARM_THRESHOLDS.lambdaErrors), statistic: 'Sum' }),
      topic,
      description: `${handler.source} threw (a crash, a timeout, an init failure, a failed saga step or trigger).`,
    }),
  );
}

export interface MonitoringProps {
  /** The stage's alert topic (the Ops stack's): every alarm notifies it. */
  readonly alertTopic: sns.ITopic;
  readonly httpApi: IHttpApi;
  readonly table: dynamodb.ITable;
  readonly workflows: readonly WorkflowStateMachine[];
  /** The image function's failure queue (its asynchronous invocations' on-failure destination). */
  readonly imageFailures: sqs.IQueue;
  /** The functions to alarm on. @default every HandlerFunction of functions/ in this construct's stack */
  readonly functions?: readonly HandlerFunction[];
}

export class Monitoring extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const topic = props.alertTopic;
    const alarm = (alarmId: string, name: AlarmName, metric: cloudwatch.IMetric, description: string) => {
      const made = thresholdAlarm(this, alarmId, { name, metric, topic, description });
      this.alarms.push(made);
      return made;
    };
    const t = ALARM_THRESHOLDS;

    // Functions: each one's errors; the account's throttles once (alarm-thresholds.ts says why).
    const functions = props.functions ?? storeFunctions(stack);
    this.alarms.push(...alarmFunctions(this, functions, topic));
    const accountThrottles = new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: period(t.lambdaThrottles) });
    alarm('LambdaThrottles', 'lambdaThrottles', accountThrottles, 'Lambda throttled invocations in this account and region (the shared concurrency pool is full).');

    // The HTTP API.
    const api5xx = props.httpApi.metricServerError({ statistic: 'Sum', period: period(t.api5xx) });
    const apiLatency = props.httpApi.metricLatency({ statistic: 'p99', period: period(t.apiLatencyP99) });
    alarm('Api5xx', 'api5xx', api5xx, 'The HTTP API answered 5xx.');
    alarm('ApiLatencyP99', 'apiLatencyP99', apiLatency, 'The HTTP API is slow: p99 latency above the threshold for 15 minutes.');

    // Each workflow (the order saga).
    const failureWidgets: cloudwatch.IMetric[] = [];
    for (const workflow of props.workflows) {
      const machine = workflow.stateMachine;
      const name = workflow.workflow.name;
      const key = name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()); // order-saga → OrderSaga
      alarm(`${key}TimedOut`, 'sagaTimedOut', machine.metricTimedOut({ statistic: 'Sum', period: period(t.sagaTimedOut) }), `${name}: an execution timed out.`);
      alarm(`${key}Aborted`, 'sagaAborted', machine.metricAborted({ statistic: 'Sum', period: period(t.sagaAborted) }), `${name}: an execution was stopped (aborted).`);
      const selections = workflowLogSelections(workflow.workflow);
      const namespace = `${METRICS_NAMESPACE}/${stack.stackName}`;
      const fromLogs = (filterId: string, metricName: string, selection: LogSelection) => {
        new logs.MetricFilter(this, filterId, {
          logGroup: workflow.logGroup,
          metricNamespace: namespace,
          metricName,
          filterPattern: logs.FilterPattern.literal(filterPattern(selection)),
          metricValue: '1',
        });
        return new cloudwatch.Metric({ namespace, metricName, statistic: 'Sum', period: Duration.minutes(5) });
      };
      const unexpected = fromLogs(`${key}FailedUnexpectedlyFilter`, `${key}ExecutionsFailedUnexpectedly`, selections.failedUnexpectedly);
      alarm(`${key}FailedUnexpectedly`, 'sagaFailedUnexpectedly', unexpected, `${name}: an execution failed with another error than ${selections.failedUnexpectedly.values.join(', ') || 'its cancellations'}.`);
      const mustLook = fromLogs(`${key}OperatorMustLookFilter`, `${key}OperatorMustLook`, selections.operatorMustLook);
      alarm(`${key}OperatorMustLook`, 'operatorMustLook', mustLook, `${name}: entered ${selections.operatorMustLook.values.join(' or ')} (a compensation failed: an operator must look).`);
      const hour = period(t.sagaFailureRate);
      const rate = new cloudwatch.MathExpression({
        expression: `IF(started >= ${SAGA_FAILURE_RATE_MIN_STARTED}, failed / started, 0)`,
        usingMetrics: { failed: machine.metricFailed({ statistic: 'Sum', period: hour }), started: machine.metricStarted({ statistic: 'Sum', period: hour }) },
        period: hour,
        label: `${name} failure rate`,
      });
      alarm(`${key}FailureRate`, 'sagaFailureRate', rate, `${name}: more than half of the executions of the last hour failed.`);
      failureWidgets.push(
        machine.metricFailed({ statistic: 'Sum', label: `${name} failed (cancellations included)` }),
        unexpected.with({ label: `${name} failed unexpectedly` }),
        mustLook.with({ label: `${name} operator must look` }),
        machine.metricTimedOut({ statistic: 'Sum', label: `${name} timed out` }),
        machine.metricAborted({ statistic: 'Sum', label: `${name} aborted` }),
      );
    }

    // The table.
    const throttled = props.table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: period(t.dynamoThrottles) });
    const systemErrors = props.table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period: period(t.dynamoSystemErrors) });
    alarm('TableThrottles', 'dynamoThrottles', throttled, 'DynamoDB throttled requests of the store.');
    alarm('TableSystemErrors', 'dynamoSystemErrors', systemErrors, "DynamoDB's own errors (500s).");

    // Photos that failed three times.
    const imageFailures = props.imageFailures.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: period(t.imageFailures) });
    alarm('ImageFailures', 'imageFailures', imageFailures, "Photos whose processing failed three times wait in the image function's failure queue.");

    // The reconciler's findings, and its silence.
    // Notices to artisans (e-mail and WhatsApp) that did not go.
    const noticeChannels = BUSINESS_METRICS.NoticesFailed.dimensions.channel;
    const noticeFailures = new cloudwatch.MathExpression({
      expression: noticeChannels.join(' + '),
      usingMetrics: Object.fromEntries(noticeChannels.map((channel) => [channel, businessMetric('NoticesFailed', { period: period(t.noticesFailed), dimensions: { channel } })])),
      period: period(t.noticesFailed),
      label: 'notices not sent',
    });
    alarm('NoticesFailed', 'noticesFailed', noticeFailures, 'Notices to artisans (new orders, deadlines, shop decisions, payouts) were not sent on e-mail or WhatsApp.');

    const needingAttention = businessMetric('OrdersNeedingAttention', { statistic: 'Maximum', period: period(t.ordersNeedingAttention) });
    alarm('OrdersNeedingAttention', 'ordersNeedingAttention', needingAttention, 'The reconciler found orders an operator must look at.');
    alarm('ReconcilerSilent', 'reconcilerSilent', businessMetric('OrdersNeedingAttention', { statistic: 'SampleCount', period: period(t.reconcilerSilent) }), 'The reconciler has published nothing for two hours: is it running?');

    // One dashboard: orders, payments, errors, latency.
    const hourly = { period: Duration.hours(1) };
    const count = (name: BusinessMetric, label?: string, dimensions?: Record<string, string>) => businessMetric(name, { ...hourly, ...(dimensions ? { dimensions } : {}), label: label ?? name });
    const lambdaSum = (metricName: string) =>
      new cloudwatch.MathExpression({
        expression: `SUM(SEARCH('{AWS/Lambda,FunctionName} MetricName="${metricName}" ${stack.stackName}', 'Sum', 300))`,
        label: `Lambda ${metricName} (all of ${stack.stackName})`,
        period: Duration.minutes(5),
      });
    const methods = BUSINESS_METRICS.OrdersPlaced.dimensions.paymentMethod;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new cloudwatch.TextWidget({ markdown: `# ${stack.stackName}\nOrders, payments, errors and latency. Alarms and what to do: infra/RUNBOOK.md "Alarms".`, width: 24, height: 2 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Orders placed (per hour)', left: methods.map((m) => count('OrdersPlaced', `placed: ${m}`, { paymentMethod: m })), stacked: true, width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Orders: delivered, cancelled, needing attention', left: [count('ParcelsDelivered', 'parcels delivered'), count('SagasCompensated', 'orders cancelled by the saga'), count('OrdersReconciled', 'orders reconciled')], right: [businessMetric('OrdersNeedingAttention', { statistic: 'Maximum', label: 'needing attention' })], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Payments (per hour)', left: [count('PaymentsCaptured', 'captured'), count('PaymentsFailed', 'failed'), count('RefundsIssued', 'refunds')], width: 8 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Errors', left: [api5xx.with({ label: 'API 5xx' }), lambdaSum('Errors'), accountThrottles.with({ label: 'Lambda throttles (account)' })], right: [props.httpApi.metricClientError({ statistic: 'Sum', label: 'API 4xx' }), businessMetric('ClientLimitRefused', { label: '429 (client limits)' }), noticeFailures], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Sagas', left: failureWidgets, width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Photos', left: [imageFailures.with({ label: 'failed (queue)' })], right: [count('ImagesProcessed', 'processed'), count('ImagesRejected', 'rejected')], width: 8 }),
        ],
        [
          // One graph each: both sum the same operations (their metric ids would clash in one).
          new cloudwatch.GraphWidget({ title: 'Table: throttled requests', left: [throttled], width: 12, height: 4 }),
          new cloudwatch.GraphWidget({ title: 'Table: system errors', left: [systemErrors], width: 12, height: 4 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'API latency (ms)', left: ['p50', 'p90', 'p99'].map((statistic) => props.httpApi.metricLatency({ statistic, label: `latency ${statistic}` })), right: [props.httpApi.metricIntegrationLatency({ statistic: 'p99', label: 'integration p99' })], width: 12 }),
          new cloudwatch.GraphWidget({ title: 'Requests and invocations', left: [props.httpApi.metricCount({ statistic: 'Sum', label: 'API requests' })], right: [lambdaSum('Invocations')], width: 12 }),
        ],
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms.slice(0, 100), width: 24, height: 8 })],
      ],
    });
  }
}
