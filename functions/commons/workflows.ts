import { DescribeExecutionCommand, ListExecutionsCommand, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SagaControl, SagaExecutions } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';
import { traced } from './tracing.ts';

/**
 * The order saga through the Step Functions API: in AWS the service, locally the gateway's
 * /sfn endpoint (AWS_ENDPOINT_URL_SFN) in front of aws-local-stepfunctions.
 */
const sfn = traced(new SFNClient({}));

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

/** What the reconciler asks about the order saga's executions. */
export const orderSagaExecutions: SagaExecutions = {
  async describe(name) {
    try {
      const out = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
      // PENDING_REDRIVE: someone redrove it (the console's Redrive): it is about to run again.
      const status = out.status === 'PENDING_REDRIVE' ? 'RUNNING' : out.status!;
      return { status, ...(out.error ? { error: out.error } : {}) };
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
      throw error;
    }
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
