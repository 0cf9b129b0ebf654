/**
 * The one format for state machines, shared by both worlds: a module exports a workflow —
 * `{ name, tasks, definition }` — whose `definition` is plain Amazon States Language JSON.
 * AWS Step Functions runs it in the cloud (infra/constructs/workflow.ts) and
 * aws-local-stepfunctions runs the very same JSON locally (infra/local/workflows.ts).
 *
 * Task states call Lambda through the optimised integration and name their function with a
 * placeholder that `tasks` maps to a handler module under functions/:
 *
 *   "Confirm": {
 *     "Type": "Task",
 *     "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
 *     "Parameters": { "FunctionName": "${ConfirmOrder}", "Payload": { "orderId.$": "$.orderId", "taskToken.$": "$$.Task.Token" } },
 *     "TimeoutSeconds": 172800, "Retry": [LAMBDA_TRANSIENT_RETRY], "Catch": [...], "Next": "..."
 *   }
 *   tasks: { ConfirmOrder: 'orders/saga/confirm-order' }
 *
 * In AWS each placeholder becomes the function's ARN (CloudFormation DefinitionSubstitutions);
 * locally, a local function ARN that the runner maps back to the imported handler.
 *
 * Pure: no SDK, no process.env — CDK, the local runner and the tests import it.
 */

/** The Lambda integrations a Task may use (the only ones the local runner implements). */
export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/**
 * The errors a Lambda invoke fails with when Lambda itself hiccups (throttling, service errors):
 * every Task must retry them (AWS's own recommendation for the lambda:invoke integration).
 */
export const TRANSIENT_LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/** The retrier AWS recommends for lambda:invoke: 3 attempts, 1 s → 2 s → 4 s with full jitter. */
export const LAMBDA_TRANSIENT_RETRY = {
  ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
} as const satisfies Retrier;

/** `$$.Task.Token`: where a callback task hands its token to the function. */
export const TASK_TOKEN_PATH = '$$.Task.Token';

/** What a Task's payload tells its function about where it runs, for its log lines (functions/commons/saga.ts). */
export interface SagaTaskContext {
  /** The execution's ARN (`$$.Execution.Id`). */
  execution: string;
  /** The Task state's name (written in the payload: the local runner's context has no `$$.State`). */
  state: string;
}
/** The payload fields that give a Task's function its SagaTaskContext. */
export const taskContext = (state: string) => ({ 'execution.$': '$$.Execution.Id', state }) as const;

// ---- Amazon States Language (the subset of its shapes this project relies on) ----

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly ResultPath?: string | null;
}

interface StateBase {
  readonly Type: 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';
  readonly Comment?: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly InputPath?: string | null;
  readonly OutputPath?: string | null;
  readonly ResultPath?: string | null;
  readonly Parameters?: JsonValue;
  readonly ResultSelector?: JsonValue;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
  readonly [field: string]: unknown;
}

export interface TaskState extends StateBase {
  readonly Type: 'Task';
  readonly Resource: string;
  readonly TimeoutSeconds?: number;
  readonly HeartbeatSeconds?: number;
}

export interface MapState extends StateBase {
  readonly Type: 'Map';
  readonly ItemProcessor?: StateMachineDefinition;
  readonly Iterator?: StateMachineDefinition;
  readonly ItemsPath?: string;
  readonly ItemSelector?: JsonValue;
  readonly MaxConcurrency?: number;
}

export interface ParallelState extends StateBase {
  readonly Type: 'Parallel';
  readonly Branches: readonly StateMachineDefinition[];
}

export interface OtherState extends StateBase {
  readonly Type: 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail';
}

export type State = TaskState | MapState | ParallelState | OtherState;

export interface StateMachineDefinition {
  readonly Comment?: string;
  readonly StartAt: string;
  readonly States: Readonly<Record<string, State>>;
  /** Execution timeout (top level only). */
  readonly TimeoutSeconds?: number;
  readonly [field: string]: unknown;
}

/** A state machine as the project defines it: the module both CDK and the local runner load. */
export interface Workflow<TaskName extends string = string> {
  /** kebab-case, e.g. "order-saga": the local state machine's name, and `ORDER_SAGA_ARN` for callers. */
  readonly name: string;
  /** Placeholder → handler module under functions/ (without `.ts`), e.g. `{ ConfirmOrder: 'orders/saga/confirm-order' }`. */
  readonly tasks: Readonly<Record<TaskName, string>>;
  readonly definition: StateMachineDefinition;
}

// ---- helpers both worlds use ----

const PLACEHOLDER = /\$\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Every `${Name}` placeholder used in the definition, in order of first use. */
export function placeholdersOf(definition: StateMachineDefinition | string): string[] {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Replaces each `${Name}` in the definition's JSON text by `values[Name]`, exactly as
 * CloudFormation's DefinitionSubstitutions do. Throws on a placeholder without a value.
 */
export function substitutePlaceholders(definitionJson: string, values: Readonly<Record<string, string>>): string {
  return definitionJson.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the placeholder ${whole}`);
    return value;
  });
}

/** `order-saga` → `ORDER_SAGA_ARN`: the variable that tells callers the state machine's ARN. */
export const workflowArnVariable = (name: string) => `${name.replace(/-/g, '_').toUpperCase()}_ARN`;

/** `order-saga` → `OrderSaga`: a stable, CloudFormation-safe construct id. */
export const workflowConstructId = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export interface StateEntry {
  readonly name: string;
  readonly state: State;
  /** Names of the Map/Parallel states around it, outermost first. */
  readonly enclosing: readonly string[];
}

/** Every state, nested Map item processors and Parallel branches included, depth first. */
export function statesOf(definition: StateMachineDefinition, enclosing: readonly string[] = []): StateEntry[] {
  const entries: StateEntry[] = [];
  for (const [name, state] of Object.entries(definition.States ?? {})) {
    entries.push({ name, state, enclosing });
    for (const inner of innerDefinitions(state)) entries.push(...statesOf(inner, [...enclosing, name]));
  }
  return entries;
}

/** The state machines nested in a Map or Parallel state. */
export function innerDefinitions(state: State): readonly StateMachineDefinition[] {
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor ? [processor] : [];
  }
  if (state.Type === 'Parallel') return state.Branches ?? [];
  return [];
}

export const isCallbackTask = (state: State): boolean => state.Type === 'Task' && state.Resource === LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN;

// ---- validation ----

const ERROR_WILDCARDS = ['States.ALL', 'States.TaskFailed'];
const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The project's rules for a workflow, beyond ASL's own syntax (which aws-local-stepfunctions'
 * validator also checks when the local runner loads it). Returns every problem, one sentence
 * each naming the state; an empty list means valid.
 *
 * - every placeholder has a task, and every task is used;
 * - every Task calls Lambda (lambda:invoke or .waitForTaskToken) through a `${Task}` placeholder;
 * - every Task retries the transient Lambda errors (TRANSIENT_LAMBDA_ERRORS);
 * - every callback Task passes `$$.Task.Token` and has TimeoutSeconds or HeartbeatSeconds
 *   (no wait is open-ended); only callback Tasks use the token;
 * - no Task can fail the execution uncaught: it, or a Map/Parallel around it, catches
 *   States.ALL — so every failure reaches a state that compensates or reports it;
 * - Next/Default/Catch targets exist; state names are unique across nested states (the local
 *   runner finds Task states by name, and AWS requires it too);
 * - timeouts are fixed numbers: TimeoutSecondsPath/HeartbeatSecondsPath are refused, because
 *   the local runner could not scale them for tests;
 * - a Map or Parallel state has no Retry of its own (retry the Tasks inside it): the local runner
 *   keeps and resumes each item on its own, and would not run them all again as AWS does.
 */
export function validateWorkflow(workflow: Workflow): string[] {
  const problems: string[] = [];
  const { definition, tasks } = workflow;
  if (!NAME_PATTERN.test(workflow.name ?? '')) problems.push(`name "${workflow.name}" must be kebab-case (e.g. "order-saga")`);
  if (!definition || typeof definition !== 'object' || !definition.States || typeof definition.StartAt !== 'string') {
    return [...problems, 'definition must be an ASL object with StartAt and States'];
  }
  for (const [task, module] of Object.entries<string>(tasks)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(task)) problems.push(`task name "${task}" must be alphanumeric (it is a \${${task}} placeholder)`);
    if (typeof module !== 'string' || !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(module)) {
      problems.push(`task ${task}: "${String(module)}" is not a handler module path under functions/ (e.g. 'orders/saga/confirm-order')`);
    }
  }

  const used = placeholdersOf(definition);
  for (const name of used) if (!(name in tasks)) problems.push(`placeholder \${${name}} has no entry in tasks`);
  for (const name of Object.keys(tasks)) if (!used.includes(name)) problems.push(`task ${name} is never used by a Task state`);

  const entries = statesOf(definition);
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (seen.has(name)) problems.push(`state name "${name}" is used twice: names must be unique across nested states`);
    seen.add(name);
  }
  problems.push(...checkTargets(definition));

  const byName = new Map(entries.map((entry) => [entry.name, entry.state]));
  for (const { name, state, enclosing } of entries) {
    const text = JSON.stringify(state.Parameters ?? null);
    const usesToken = text.includes(`"${TASK_TOKEN_PATH}"`);
    if ((state.Type === 'Map' || state.Type === 'Parallel') && state.Retry?.length) {
      problems.push(`${name}: a ${state.Type} state cannot have a Retry here; retry the Tasks inside it (the local runner resumes its items one by one, and would not run them all again as AWS does)`);
    }
    if (state.Type !== 'Task') {
      if (usesToken) problems.push(`${name}: only a .waitForTaskToken Task has $$.Task.Token`);
      continue;
    }
    if (state.Resource !== LAMBDA_INVOKE && state.Resource !== LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN) {
      problems.push(`${name}: Resource must be ${LAMBDA_INVOKE} or ${LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN}, not "${state.Resource}"`);
    }
    const parameters = state.Parameters as Record<string, JsonValue> | undefined;
    const functionName = parameters?.FunctionName;
    if (typeof functionName !== 'string' || !/^\$\{[A-Za-z][A-Za-z0-9]*\}$/.test(functionName)) {
      problems.push(`${name}: Parameters.FunctionName must be a \${TaskName} placeholder`);
    }
    if (!coversAll(state.Retry, TRANSIENT_LAMBDA_ERRORS)) {
      problems.push(`${name}: Retry must cover the transient Lambda errors (${TRANSIENT_LAMBDA_ERRORS.join(', ')}), e.g. with LAMBDA_TRANSIENT_RETRY`);
    }
    if ('TimeoutSecondsPath' in state || 'HeartbeatSecondsPath' in state) {
      problems.push(`${name}: use TimeoutSeconds/HeartbeatSeconds, not their *Path forms (the local runner scales fixed timeouts for tests)`);
    }
    if (isCallbackTask(state)) {
      if (!usesToken) problems.push(`${name}: a .waitForTaskToken Task must pass "$$.Task.Token" in its Payload, or nothing can resume it`);
      if (!positive(state.TimeoutSeconds) && !positive(state.HeartbeatSeconds)) {
        problems.push(`${name}: a .waitForTaskToken Task needs TimeoutSeconds or HeartbeatSeconds (it would otherwise wait up to a year)`);
      }
    } else if (usesToken) {
      problems.push(`${name}: only a .waitForTaskToken Task has $$.Task.Token`);
    }
    const caught = [state, ...enclosing.map((outer) => byName.get(outer)!)].some((candidate) => catchesEverything(candidate.Catch));
    if (!caught) {
      problems.push(`${name}: a failure here would end the execution uncaught; add a Catch on States.ALL (to a compensating or failure state), here or on the Map/Parallel around it`);
    }
  }
  return problems;
}

/** Throws one error listing every problem; returns the workflow unchanged when valid. */
export function assertValidWorkflow<W extends Workflow>(workflow: W): W {
  const problems = validateWorkflow(workflow);
  if (problems.length) throw new Error(`workflow "${workflow.name}" is invalid:\n- ${problems.join('\n- ')}`);
  return workflow;
}

/** Declares a workflow, checking it at import (so both `cdk synth` and `npm start` refuse a bad one). */
export function defineWorkflow<const TaskName extends string>(workflow: Workflow<TaskName>): Workflow<TaskName> {
  return assertValidWorkflow(workflow);
}

function positive(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function coversAll(retriers: readonly Retrier[] | undefined, errors: readonly string[]): boolean {
  const named = new Set((retriers ?? []).flatMap((retrier) => retrier.ErrorEquals ?? []));
  return ERROR_WILDCARDS.some((wildcard) => named.has(wildcard)) || errors.every((error) => named.has(error));
}

function catchesEverything(catchers: readonly Catcher[] | undefined): boolean {
  return (catchers ?? []).some((catcher) => catcher.ErrorEquals?.includes('States.ALL'));
}

/** Every Next, Default, Choices[].Next and Catch[].Next names a state of the same machine. */
function checkTargets(definition: StateMachineDefinition): string[] {
  const problems: string[] = [];
  const names = new Set(Object.keys(definition.States));
  if (!names.has(definition.StartAt)) problems.push(`StartAt "${definition.StartAt}" is not a state`);
  for (const [name, state] of Object.entries(definition.States)) {
    const targets = [
      state.Next,
      state.Default as string | undefined,
      ...((state.Choices as Array<{ Next?: string }> | undefined) ?? []).map((choice) => choice.Next),
      ...(state.Catch ?? []).map((catcher) => catcher.Next),
    ];
    for (const target of targets) if (target !== undefined && !names.has(target)) problems.push(`${name}: goes to "${target}", which is not a state beside it`);
    for (const inner of innerDefinitions(state)) problems.push(...checkTargets(inner));
  }
  return problems;
}
