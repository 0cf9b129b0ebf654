import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { substitutePlaceholders } from '#shared/workflows/definition.ts';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { HandlerFunction } from '../../infra/constructs/handler-function.ts';
import { WorkflowStateMachine } from '../../infra/constructs/workflow.ts';
import { createWorkflowRuntime, localFunctionArn, localStateMachineArn } from '../../infra/local/workflows.ts';
import { testSaga } from '../workflows/test-saga.ts';

/**
 * The workflow construct with the test saga (test/workflows): a STANDARD state machine whose
 * definition is the module's JSON, functions per task, logging and tracing, least privilege,
 * cdk-nag clean — and the text the local runner executes is the template's, ARNs aside.
 */
type CfnResource = { Type: string; Properties: Record<string, any> };

const repoRoot = join(import.meta.dirname, '..', '..');
const TASKS = join(repoRoot, 'test/workflows/tasks');
const cdkContext = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

let workDir: string;
let app: App;
let template: Template;
let construct: WorkflowStateMachine;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'dakhla-workflow-'));
  app = new App({ context: { ...cdkContext, stage: 'test' }, outdir: workDir });
  const stack = new Stack(app, 'WorkflowTest');
  construct = new WorkflowStateMachine(stack, 'TestSaga', {
    workflow: testSaga,
    functionProps: { functionsDir: TASKS, environment: { POWERTOOLS_SERVICE_NAME: 'dakhla-market' } },
    grant: (task, handler) => handler.fn.addEnvironment('TASK_NAME', task),
  });
  // A caller (e.g. the API's "place order" function) that starts executions and resumes tokens.
  const caller = new HandlerFunction(stack, 'Caller', { module: 'pay', functionsDir: TASKS });
  construct.grantStart(caller.fn);
  construct.grantTaskResponse(caller.fn);
  Validations.of(caller).acknowledge(
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray tracing: no resource-level permissions (as for every HandlerFunction of the stacks).' }
  );
  template = Template.fromStack(stack);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const resources = (type: string) => template.findResources(type) as Record<string, CfnResource>;
const only = <T>(record: Record<string, T>, filter: (id: string, value: T) => boolean = () => true): [string, T] => {
  const entries = Object.entries(record).filter(([id, value]) => filter(id, value));
  expect(entries).toHaveLength(1);
  return entries[0]!;
};
const stateMachine = () => only(resources('AWS::StepFunctions::StateMachine'));
/** Logical id of each task's function. */
function taskFunctionIds(): Record<string, string> {
  const stack = Stack.of(construct);
  return Object.fromEntries(Object.entries(construct.functions).map(([task, handler]) => [task, stack.getLogicalId(handler.fn.node.defaultChild as CfnFunction)]));
}

describe('WorkflowStateMachine', () => {
  it('is a STANDARD state machine that logs everything (with execution data) and traces', () => {
    const [, machine] = stateMachine();
    expect(machine.Properties.StateMachineType).toBe('STANDARD');
    expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(machine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: true });
    const destination = machine.Properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn;
    const [logGroupId, logGroup] = only(resources('AWS::Logs::LogGroup'), (id) => id.startsWith('TestSagaLogs'));
    expect(destination).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    expect(logGroup.Properties.RetentionInDays).toBe(30);
    expect(logGroup.Properties.LogGroupName).toMatch(/^\/aws\/vendedlogs\/states\//);
  });

  it("deploys the module's definition as written, each placeholder filled with its task function's ARN", () => {
    const [, machine] = stateMachine();
    expect(machine.Properties.DefinitionString).toBe(JSON.stringify(testSaga.definition));
    const ids = taskFunctionIds();
    expect(Object.values(ids).every(Boolean)).toBe(true);
    expect(machine.Properties.DefinitionSubstitutions).toEqual(Object.fromEntries(Object.entries(ids).map(([task, id]) => [task, { 'Fn::GetAtt': [id, 'Arn'] }])));
  });

  it('is the definition the local runner executes (same text; local function ARNs for the placeholders)', async () => {
    const [, machine] = stateMachine();
    const runtime = await createWorkflowRuntime({ workflows: [testSaga], functionsDir: TASKS });
    try {
      const local = runtime.describeStateMachine(localStateMachineArn(testSaga.name)).definition;
      const localArns = Object.fromEntries(Object.keys(testSaga.tasks).map((task) => [task, localFunctionArn(testSaga.name, task)]));
      expect(local).toBe(substitutePlaceholders(machine.Properties.DefinitionString, localArns));
    } finally {
      await runtime.stop();
    }
  });

  it('makes one function per task with the API functions\' defaults and the grants passed in', () => {
    const ids = taskFunctionIds();
    for (const [task, id] of Object.entries(ids)) {
      const fn = resources('AWS::Lambda::Function')[id]!;
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' }, MemorySize: 512, Timeout: 10 });
      expect(fn.Properties.Environment.Variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'dakhla-market', TASK_NAME: task });
    }
    expect(Object.keys(construct.functions).sort()).toEqual(Object.keys(testSaga.tasks).sort());
  });

  it('lets the state machine invoke exactly its task functions and nothing else in Lambda', () => {
    const [machineId, machine] = stateMachine();
    const roleId = machine.Properties.RoleArn['Fn::GetAtt'][0] as string;
    const statements = Object.values(resources('AWS::IAM::Policy'))
      .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const lambdaStatements = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('lambda:')));
    expect(lambdaStatements).toHaveLength(1);
    expect(lambdaStatements[0]!.Action).toBe('lambda:InvokeFunction');
    const ids = Object.values(taskFunctionIds());
    const sorted = (values: unknown[]) => values.map((value) => JSON.stringify(value)).sort();
    expect(sorted(lambdaStatements[0]!.Resource as unknown[])).toEqual(sorted(ids.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }))));
    expect(machineId).toBeTruthy();
  });

  it('tells a caller the ARN (TEST_SAGA_ARN) and lets it start executions and answer task tokens', () => {
    const [machineId] = stateMachine();
    const [, caller] = only(resources('AWS::Lambda::Function'), (_, fn) => fn.Properties.Description === 'test/workflows/tasks/pay.ts' && !fn.Properties.Environment.Variables.TASK_NAME);
    expect(caller.Properties.Environment.Variables.TEST_SAGA_ARN).toEqual({ Ref: machineId });
    const callerRole = caller.Properties.Role['Fn::GetAtt'][0] as string;
    const statements = Object.values(resources('AWS::IAM::Policy'))
      .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === callerRole))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>)
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('states:')));
    expect(statements.flatMap((statement) => [statement.Action].flat()).sort()).toEqual([
      'states:SendTaskFailure',
      'states:SendTaskHeartbeat',
      'states:SendTaskSuccess',
      'states:StartExecution',
    ]);
    expect(statements.every((statement) => JSON.stringify(statement.Resource) === JSON.stringify({ Ref: machineId }))).toBe(true);
  });

  it('refuses an invalid workflow at synth', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Invalid');
    const broken = { ...testSaga, definition: { ...testSaga.definition, States: { ...testSaga.definition.States, Pay: { ...testSaga.definition.States.Pay!, Retry: undefined } } } };
    expect(() => new WorkflowStateMachine(stack, 'Broken', { workflow: broken as never, functionProps: { functionsDir: TASKS } })).toThrow(/Pay: Retry must cover the transient Lambda errors/);
  });

  it('leaves no cdk-nag (AwsSolutions) finding unacknowledged', () => {
    const { violations } = new AwsSolutionsChecks().validateScope(app);
    expect(violations.map((violation) => `${violation.ruleName} ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
