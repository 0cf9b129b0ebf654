import { describe, expect, it } from 'vitest';
import { testDeadline, testSaga } from '../../test/workflows/test-saga.ts';
import {
  defineWorkflow,
  LAMBDA_INVOKE,
  LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
  LAMBDA_TRANSIENT_RETRY,
  placeholdersOf,
  statesOf,
  substitutePlaceholders,
  validateWorkflow,
  workflowArnVariable,
  workflowConstructId,
  type Workflow,
} from './definition.ts';

/** A one-task workflow to break in one place per test. */
function workflow(states: Record<string, unknown>, tasks: Record<string, string> = { Work: 'orders/work' }, extra: Record<string, unknown> = {}): Workflow {
  return { name: 'unit-flow', tasks, definition: { StartAt: Object.keys(states)[0]!, States: states as never, ...extra } };
}
const task = (fields: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: LAMBDA_INVOKE,
  Parameters: { FunctionName: '${Work}', 'Payload.$': '$' },
  Retry: [LAMBDA_TRANSIENT_RETRY],
  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
  End: true,
  ...fields,
});
const failed = { Type: 'Fail', Error: 'Failed' };

describe('validateWorkflow', () => {
  it('accepts the test workflows (Map, callbacks, compensation, heartbeats, execution timeout)', () => {
    expect(validateWorkflow(testSaga)).toEqual([]);
    expect(validateWorkflow(testDeadline)).toEqual([]);
    expect(validateWorkflow(workflow({ Work: task(), Failed: failed }))).toEqual([]);
  });

  it('wants a task for every placeholder and a use for every task', () => {
    expect(validateWorkflow(workflow({ Work: task(), Failed: failed }, { Other: 'orders/other' }))).toEqual([
      'placeholder ${Work} has no entry in tasks',
      'task Other is never used by a Task state',
    ]);
    expect(validateWorkflow(workflow({ Work: task(), Failed: failed }, { Work: 'Orders/../x.ts' }))).toEqual([
      'task Work: "Orders/../x.ts" is not a handler module path under functions/ (e.g. \'orders/saga/confirm-order\')',
    ]);
  });

  it('wants every Task to call Lambda through a ${Task} placeholder', () => {
    expect(validateWorkflow(workflow({ Work: task({ Resource: 'arn:aws:states:::sns:publish' }), Failed: failed }))).toEqual([
      'Work: Resource must be arn:aws:states:::lambda:invoke or arn:aws:states:::lambda:invoke.waitForTaskToken, not "arn:aws:states:::sns:publish"',
    ]);
    const hardCoded = workflow({ Work: task({ Parameters: { FunctionName: 'arn:aws:lambda:eu-west-3:1:function:x', Other: '${Work}' } }), Failed: failed });
    expect(validateWorkflow(hardCoded)).toEqual(['Work: Parameters.FunctionName must be a ${TaskName} placeholder']);
  });

  it('wants every Task to retry the transient Lambda errors (a States.ALL or States.TaskFailed retrier covers them)', () => {
    const message = 'Work: Retry must cover the transient Lambda errors (Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException, Lambda.TooManyRequestsException), e.g. with LAMBDA_TRANSIENT_RETRY';
    expect(validateWorkflow(workflow({ Work: task({ Retry: undefined }), Failed: failed }))).toEqual([message]);
    expect(validateWorkflow(workflow({ Work: task({ Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }] }), Failed: failed }))).toEqual([message]);
    expect(validateWorkflow(workflow({ Work: task({ Retry: [{ ErrorEquals: ['States.ALL'] }] }), Failed: failed }))).toEqual([]);
    expect(validateWorkflow(workflow({ Work: task({ Retry: [{ ErrorEquals: ['States.TaskFailed'] }] }), Failed: failed }))).toEqual([]);
  });

  it('wants every callback Task to pass its token and to end its wait (TimeoutSeconds or HeartbeatSeconds)', () => {
    const callback = (fields: Record<string, unknown>) =>
      task({ Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN, Parameters: { FunctionName: '${Work}', Payload: { 'token.$': '$$.Task.Token' } }, ...fields });
    expect(validateWorkflow(workflow({ Work: callback({}), Failed: failed }))).toEqual([
      'Work: a .waitForTaskToken Task needs TimeoutSeconds or HeartbeatSeconds (it would otherwise wait up to a year)',
    ]);
    expect(validateWorkflow(workflow({ Work: callback({ HeartbeatSeconds: 60 }), Failed: failed }))).toEqual([]);
    expect(validateWorkflow(workflow({ Work: callback({ TimeoutSeconds: 3600 }), Failed: failed }))).toEqual([]);
    expect(validateWorkflow(workflow({ Work: callback({ TimeoutSeconds: 0 }), Failed: failed }))).toHaveLength(1);
    expect(validateWorkflow(workflow({ Work: callback({ TimeoutSeconds: 60, Parameters: { FunctionName: '${Work}', 'Payload.$': '$' } }), Failed: failed }))).toEqual([
      'Work: a .waitForTaskToken Task must pass "$$.Task.Token" in its Payload, or nothing can resume it',
    ]);
    expect(validateWorkflow(workflow({ Work: task({ Parameters: { FunctionName: '${Work}', Payload: { 'token.$': '$$.Task.Token' } } }), Failed: failed }))).toEqual([
      'Work: only a .waitForTaskToken Task has $$.Task.Token',
    ]);
  });

  it('refuses the *Path forms of task timeouts (the local runner scales fixed numbers only)', () => {
    expect(validateWorkflow(workflow({ Work: task({ TimeoutSecondsPath: '$.timeout' }), Failed: failed }))).toEqual([
      'Work: use TimeoutSeconds/HeartbeatSeconds, not their *Path forms (the local runner scales fixed timeouts for tests)',
    ]);
  });

  it('refuses a Retry on a Map or Parallel state (the local runner resumes items one by one; retry the Tasks inside)', () => {
    const inner = { StartAt: 'Work', States: { Work: task({ Catch: undefined }) } };
    const retried = (state: Record<string, unknown>) => workflow({ Each: { ...state, Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], End: true }, Failed: failed });
    expect(validateWorkflow(retried({ Type: 'Map', ItemProcessor: inner }))).toEqual([
      'Each: a Map state cannot have a Retry here; retry the Tasks inside it (the local runner resumes its items one by one, and would not run them all again as AWS does)',
    ]);
    expect(validateWorkflow(retried({ Type: 'Parallel', Branches: [inner] }))[0]).toMatch(/^Each: a Parallel state cannot have a Retry here/);
  });

  it('wants every Task caught on States.ALL, by itself or by the Map/Parallel around it', () => {
    const uncaught = 'Work: a failure here would end the execution uncaught; add a Catch on States.ALL (to a compensating or failure state), here or on the Map/Parallel around it';
    expect(validateWorkflow(workflow({ Work: task({ Catch: undefined }) }))).toEqual([uncaught]);
    expect(validateWorkflow(workflow({ Work: task({ Catch: [{ ErrorEquals: ['PaymentDeclined'], Next: 'Failed' }] }), Failed: failed }))).toEqual([uncaught]);
    const map = (catcher: unknown[] | undefined) =>
      workflow({
        Each: { Type: 'Map', ItemProcessor: { StartAt: 'Work', States: { Work: task({ Catch: undefined }) } }, ...(catcher ? { Catch: catcher } : {}), End: true },
        Failed: failed,
      });
    expect(validateWorkflow(map([{ ErrorEquals: ['States.ALL'], Next: 'Failed' }]))).toEqual([]);
    expect(validateWorkflow(map(undefined))).toEqual([uncaught]);
  });

  it('checks targets and that state names are unique across nested states', () => {
    expect(validateWorkflow(workflow({ Work: task({ End: undefined, Next: 'Nowhere' }), Failed: failed }))).toEqual(['Work: goes to "Nowhere", which is not a state beside it']);
    const nested = workflow({
      Work: task({ End: undefined, Next: 'Each' }),
      Each: { Type: 'Map', ItemProcessor: { StartAt: 'Work', States: { Work: task({ Catch: undefined }) } }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], End: true },
      Failed: failed,
    });
    expect(validateWorkflow(nested)).toContain('state name "Work" is used twice: names must be unique across nested states');
    expect(validateWorkflow(workflow({ Work: task(), Failed: failed }, undefined, { StartAt: 'Missing' }))).toContain('StartAt "Missing" is not a state');
  });

  it('wants a kebab-case name', () => {
    expect(validateWorkflow({ ...workflow({ Work: task(), Failed: failed }), name: 'OrderSaga' })).toEqual(['name "OrderSaga" must be kebab-case (e.g. "order-saga")']);
  });
});

describe('defineWorkflow', () => {
  it('returns a valid workflow as it is, and throws listing every problem of an invalid one', () => {
    const valid = workflow({ Work: task(), Failed: failed });
    expect(defineWorkflow(valid)).toBe(valid);
    expect(() => defineWorkflow(workflow({ Work: task({ Retry: undefined, Catch: undefined }) }))).toThrow(
      /workflow "unit-flow" is invalid:\n- Work: Retry must cover[^\n]*\n- Work: a failure here would end the execution uncaught/,
    );
  });
});

describe('placeholders and names', () => {
  it('lists the placeholders in order of first use and substitutes them as DefinitionSubstitutions do', () => {
    const json = JSON.stringify(testSaga.definition);
    expect(placeholdersOf(testSaga.definition)).toEqual(['Reserve', 'Pay', 'RequestConfirmation', 'Release']);
    const substituted = substitutePlaceholders(json, { Reserve: 'arn:r', Pay: 'arn:p', RequestConfirmation: 'arn:c', Release: 'arn:x' });
    expect(placeholdersOf(substituted)).toEqual([]);
    expect(JSON.parse(substituted).States.Reserve.Parameters.FunctionName).toBe('arn:r');
    expect(() => substitutePlaceholders(json, { Reserve: 'arn:r' })).toThrow('no value for the placeholder ${Pay}');
  });

  it('names the ARN variable and the construct after the workflow', () => {
    expect(workflowArnVariable('order-saga')).toBe('ORDER_SAGA_ARN');
    expect(workflowConstructId('order-saga')).toBe('OrderSaga');
  });

  it('walks nested states with the Map/Parallel states around them', () => {
    expect(statesOf(testSaga.definition).map(({ name, enclosing }) => [name, enclosing.join('/')])).toEqual([
      ['Reserve', ''],
      ['Pay', ''],
      ['AwaitArtisans', ''],
      ['AwaitConfirmation', 'AwaitArtisans'],
      ['Complete', ''],
      ['Release', ''],
      ['Cancelled', ''],
    ]);
  });
});
