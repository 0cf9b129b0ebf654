import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { credentials } from './env-credentials.ts';
import type { SagaControl, SagaExecution, SagaExecutions } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';
import { traced } from './tracing.ts';

/**
 * The order saga through the Step Functions API: in AWS the service, locally the gateway's
 * /sfn endpoint (AWS_ENDPOINT_URL_SFN) in front of aws-local-stepfunctions.
 */
const sfn = traced(new SFNClient({ credentials }));

async function startExecution(name: string, input: object): Promise<void> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: config.orderSagaArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    if ((error as Error).name !== 'ExecutionAlreadyExists') throw error; // started before: fine
  }
}

export const orderSaga: SagaControl = {
  start: (orderId, input) => startExecution(orderId, input),
  resume: async (taskToken, output) => {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  },
  fail: async (taskToken, error, cause) => {
    await sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  },
};

/** An execution's ARN from its state machine's and its name (`…:stateMachine:<m>` → `…:execution:<m>:<name>`). */
const executionArn = (name: string) => `${config.orderSagaArn.replace(':stateMachine:', ':execution:')}:${name}`;

const iso = (date: Date | undefined) => date?.toISOString();

/** How many of the newest history events are read to find the state entered last. */
const HISTORY_LOOKBACK = 20;

/** What the reconciler and the operators' order page ask about the order saga's executions. */
export const orderSagaExecutions: SagaExecutions = {
  async describe(name) {
    let described;
    try {
      described = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
      throw error;
    }
    // PENDING_REDRIVE: someone redrove it (the console's Redrive): it is about to run again.
    const status = (!described.status || described.status === 'PENDING_REDRIVE' ? 'RUNNING' : described.status) as SagaExecution['status'];
    return {
      status,
      ...(described.startDate ? { startedAt: iso(described.startDate) } : {}),
      ...(described.stopDate ? { stoppedAt: iso(described.stopDate) } : {}),
      ...(described.error ? { error: described.error } : {}),
      ...(described.cause ? { cause: described.cause.slice(0, 500) } : {}),
    };
  },
  async lastState(name) {
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArn(name), reverseOrder: true, maxResults: HISTORY_LOOKBACK, includeExecutionData: false }));
    const entered = history.events?.find((event) => event.stateEnteredEventDetails?.name);
    return entered?.timestamp ? { name: entered.stateEnteredEventDetails!.name!, at: iso(entered.timestamp)! } : undefined;
  },
  start: startExecution,
  async running(maxPages) {
    const names = new Set<string>();
    let nextToken: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const out = await sfn.send(new ListExecutionsCommand({ stateMachineArn: config.orderSagaArn, statusFilter: 'RUNNING', maxResults: 1000, nextToken }));
      for (const execution of out.executions ?? []) if (execution.name) names.add(execution.name);
      nextToken = out.nextToken;
      if (!nextToken) return names;
    }
    return undefined;
  },
};
