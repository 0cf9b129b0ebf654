import { ArnFormat, Names, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { assertValidWorkflow, workflowArnVariable, type Workflow } from '#shared/workflows/definition.ts';
import { HandlerFunction, type HandlerFunctionProps } from './handler-function.ts';

export interface WorkflowStateMachineProps {
  /** The workflow module (shared/workflows/definition.ts): its definition is deployed as written. */
  readonly workflow: Workflow;
  /** Props for every task's function (environment, memory…), over HandlerFunction's defaults. */
  readonly functionProps?: Omit<HandlerFunctionProps, 'module'>;
  /** Grants each task's function what it needs, e.g. `(task, handler) => grantTable(handler.fn, table, 'read-write')`. */
  readonly grant?: (task: string, handler: HandlerFunction) => void;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * One workflow in AWS: a function per task (HandlerFunction, the API functions' defaults) and a
 * STANDARD state machine whose definition is the module's JSON as it is, each `${Task}`
 * placeholder filled with its function's ARN by CloudFormation (DefinitionSubstitutions) — the
 * same text the local runner executes with local ARNs (infra/local/workflows.ts). Logs every
 * event with execution data to its own log group, traces with X-Ray, and may invoke exactly its
 * task functions.
 *
 * Callers: `grantStart(fn)` (sets `<NAME>_ARN`, e.g. ORDER_SAGA_ARN) and `grantTaskResponse(fn)`
 * (SendTaskSuccess/Failure/Heartbeat). A task function must not be granted its own workflow
 * (the definition already names the function: a cycle); it gets the token in its payload.
 */
export class WorkflowStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  /** Its physical name (unique in the account and region: the stack's path in it). */
  readonly stateMachineName: string;
  /** Task name → its function. */
  readonly functions: Readonly<Record<string, HandlerFunction>>;
  readonly logGroup: logs.LogGroup;
  readonly workflow: Workflow;

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    const workflow = assertValidWorkflow(props.workflow);
    this.workflow = workflow;

    const functions: Record<string, HandlerFunction> = {};
    for (const [task, module] of Object.entries<string>(workflow.tasks)) {
      const handler = new HandlerFunction(this, task, { ...props.functionProps, module });
      props.grant?.(task, handler);
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'X-Ray tracing (tracing: ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
        }
      );
      functions[task] = handler;
    }
    this.functions = functions;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      // Step Functions writes through CloudWatch Logs' vended-logs delivery: the /aws/vendedlogs/
      // prefix keeps the account's log resource policy from growing with every state machine.
      logGroupName: `/aws/vendedlogs/states/${Names.uniqueResourceName(this, { maxLength: 200, separator: '-' })}`,
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachineName = Names.uniqueResourceName(this, { maxLength: 80, separator: '-' });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      // Named (not generated): grants on its executions can then name it without a reference to
      // this stack, which a function in another (nested) stack could not resolve when granted.
      stateMachineName: this.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      comment: workflow.definition.Comment,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(workflow.definition)),
      definitionSubstitutions: Object.fromEntries(Object.entries(functions).map(([task, handler]) => [task, handler.fn.functionArn])),
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    // Exactly its task functions, by their unqualified ARNs (as the definition names them).
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: Object.values(functions).map((handler) => handler.fn.functionArn) }),
    );
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Added by CDK for logging and tracing: CloudWatch Logs delivery (logs:CreateLogDelivery, PutResourcePolicy…) and X-Ray (xray:PutTraceSegments, GetSampling…) do not support resource-level permissions.',
    });
  }

  /** May start executions; told the state machine's ARN in `<NAME>_ARN` (e.g. ORDER_SAGA_ARN). */
  grantStart(fn: lambda.Function): iam.Grant {
    fn.addEnvironment(workflowArnVariable(this.workflow.name), this.stateMachine.stateMachineArn);
    return this.stateMachine.grantStartExecution(fn);
  }

  /**
   * May read its executions — DescribeExecution on `…:execution:<machine>:*` (they are named per order
   * at run time: `<orderId>`, `<orderId>.<run>`), with `history` their GetExecutionHistory too (the
   * operators' order page), with `list` ListExecutions on the state machine (the reconciler) — and is
   * told the state machine's ARN in `<NAME>_ARN`. Not their data elsewhere, nor SendTask*.
   */
  grantRead(fn: lambda.Function, { history = false, list = false }: { history?: boolean; list?: boolean } = {}): void {
    fn.addEnvironment(workflowArnVariable(this.workflow.name), this.stateMachine.stateMachineArn);
    if (list) this.stateMachine.grant(fn, 'states:ListExecutions');
    const actions = ['states:DescribeExecution', ...(history ? ['states:GetExecutionHistory'] : [])];
    const executions = Stack.of(fn).formatArn({ service: 'states', resource: 'execution', resourceName: `${this.stateMachineName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    iam.Grant.addToPrincipal({ grantee: fn, actions, resourceArns: [executions] });
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(fn).resolve(executions))}]`,
      reason: `${actions.join(' and ')} on the executions of ${this.workflow.name} only: they are named per order at run time (<orderId>, <orderId>.<run>).`,
    });
  }

  /** May resume this workflow's callback tasks (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat). */
  grantTaskResponse(fn: lambda.Function): iam.Grant {
    return this.stateMachine.grantTaskResponse(fn);
  }
}
