import { ListExecutionsCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * The running store serves the Step Functions API at /sfn (what AWS_ENDPOINT_URL_SFN points the
 * handlers to), speaking the SDK's protocol. The workflows themselves are tested in process
 * (infra/local/workflows.test.ts); this checks the wiring of `npm start`.
 */
const sfn = new SFNClient({ endpoint: `${inject('storeUrl')}/sfn`, region: 'eu-west-3', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
afterAll(() => sfn.destroy());

const errorName = (call: Promise<unknown>) => call.then(
  () => 'no error',
  (error: Error & { $metadata?: { httpStatusCode?: number } }) => `${error.$metadata?.httpStatusCode} ${error.name}`,
);

describe('/sfn on the local store', () => {
  it('answers the SDK with AWS-shaped errors', async () => {
    const unknownMachine = 'arn:aws:states:eu-west-3:000000000000:stateMachine:no-such-workflow';
    expect(await errorName(sfn.send(new StartExecutionCommand({ stateMachineArn: unknownMachine, input: '{}' })))).toBe('400 StateMachineDoesNotExist');
    expect(await errorName(sfn.send(new ListExecutionsCommand({ stateMachineArn: unknownMachine })))).toBe('400 StateMachineDoesNotExist');
    expect(await errorName(sfn.send(new SendTaskSuccessCommand({ taskToken: 'forged', output: '{}' })))).toBe('400 InvalidToken');
    expect(await errorName(sfn.send(new SendTaskSuccessCommand({ taskToken: 'x'.repeat(64), output: '{}' })))).toBe('400 TaskDoesNotExist');
  });
});
