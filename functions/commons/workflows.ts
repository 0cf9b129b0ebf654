import { DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SagaControl, SagaExecution, SagaStatus } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';

/**
 * The order saga through the Step Functions API: in AWS the service, locally the gateway's
 * /sfn endpoint (AWS_ENDPOINT_URL_SFN) in front of aws-local-stepfunctions.
 */
const sfn = new SFNClient({});

export const orderSaga: SagaControl = {
  async start(orderId, input) {
    try {
      await sfn.send(new StartExecutionCommand({ stateMachineArn: config.orderSagaArn, name: orderId, input: JSON.stringify(input) }));
    } catch (error) {
      if ((error as Error).name !== 'ExecutionAlreadyExists') throw error; // started before: fine
    }
  },
  resume: async (taskToken, output) => {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  },
  fail: async (taskToken, error, cause) => {
    await sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  },
};

/** An order's execution: named after the order, under the saga's state machine. */
const executionArn = (orderId: string) => `${config.orderSagaArn.replace(':stateMachine:', ':execution:')}:${orderId}`;

const iso = (date: Date | undefined) => date?.toISOString();

/** How many of the newest history events are read to find the state entered last. */
const HISTORY_LOOKBACK = 20;

export const orderSagaStatus: SagaStatus = {
  async describe(orderId) {
    const arn = executionArn(orderId);
    let described;
    try {
      described = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') return { status: 'NOT_STARTED' };
      throw error;
    }
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, maxResults: HISTORY_LOOKBACK, includeExecutionData: false }));
    const entered = history.events?.find((event) => event.stateEnteredEventDetails?.name);
    const execution: SagaExecution = {
      status: (described.status ?? 'RUNNING') as SagaExecution['status'],
      ...(described.startDate ? { startedAt: iso(described.startDate) } : {}),
      ...(described.stopDate ? { stoppedAt: iso(described.stopDate) } : {}),
      ...(described.error ? { error: described.error } : {}),
      ...(described.cause ? { cause: described.cause.slice(0, 500) } : {}),
      ...(entered?.timestamp ? { lastState: { name: entered.stateEnteredEventDetails!.name!, at: iso(entered.timestamp)! } } : {}),
    };
    return execution;
  },
};
