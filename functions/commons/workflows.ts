import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SagaControl } from '#shared/use-cases/ports.ts';
import { config } from './config.ts';
import { traced } from './tracing.ts';

/**
 * The order saga through the Step Functions API: in AWS the service, locally the gateway's
 * /sfn endpoint (AWS_ENDPOINT_URL_SFN) in front of aws-local-stepfunctions.
 */
const sfn = traced(new SFNClient({}));

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
