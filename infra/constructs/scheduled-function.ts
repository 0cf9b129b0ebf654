import { Duration, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { Schedule } from '#shared/schedules.ts';
import { HandlerFunction, TRACING_ACKNOWLEDGEMENT, type HandlerFunctionProps } from './handler-function.ts';

export interface ScheduledFunctionProps {
  /** The schedule table's entry (shared/schedules.ts): handler, rate, timeout. */
  readonly schedule: Schedule;
  /** Props for the function (environment…), over HandlerFunction's defaults. */
  readonly functionProps?: Omit<HandlerFunctionProps, 'module'>;
}

/**
 * One scheduled function: a HandlerFunction (the project's defaults) run by an EventBridge rule
 * every `rateMinutes`, as `npm start` runs the same handler every `localEverySeconds`
 * (infra/local/schedules.ts). A missed or failed run is not retried: the next one comes soon and
 * each run starts afresh. Grants are the caller's (ApiStack, from the entry's `access`).
 */
export class ScheduledFunction extends Construct {
  readonly handler: HandlerFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ScheduledFunctionProps) {
    super(scope, id);
    const { schedule } = props;
    this.handler = new HandlerFunction(this, 'Handler', { timeout: Duration.seconds(schedule.timeoutSeconds), ...props.functionProps, module: schedule.handler });
    Validations.of(this.handler).acknowledge(TRACING_ACKNOWLEDGEMENT);
    this.rule = new events.Rule(this, 'Rule', {
      description: `Runs functions/${schedule.handler}.ts every ${schedule.rateMinutes} minutes (shared/schedules.ts: ${schedule.name})`,
      schedule: events.Schedule.rate(Duration.minutes(schedule.rateMinutes)),
      targets: [new targets.LambdaFunction(this.handler.fn, { retryAttempts: 0, maxEventAge: Duration.minutes(schedule.rateMinutes) })],
    });
  }
}
