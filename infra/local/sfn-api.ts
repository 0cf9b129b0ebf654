import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SfnError, type Execution, type ExecutionStatus, type WorkflowRuntime } from './workflows.ts';

/**
 * The AWS Step Functions API over the local workflow runtime (infra/local/workflows.ts), served by
 * the gateway at /sfn: the real protocol (POST, `Content-Type: application/x-amz-json-1.0`,
 * `X-Amz-Target: AWSStepFunctions.<Operation>`), so handlers use @aws-sdk/client-sfn unchanged
 * with `AWS_ENDPOINT_URL_SFN=http://localhost:<port>/sfn`. Errors come back as AWS shapes them
 * (`__type` + `message`, HTTP 400), e.g. TaskDoesNotExist, TaskTimedOut, InvalidToken.
 * Requests are not signature-checked (local only).
 */
export const SFN_PATH = '/sfn';

const MAX_BODY_BYTES = 1024 * 1024;
const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

type Body = Record<string, unknown>;
type Operation = (body: Body) => unknown;

export function createSfnApi(runtime: WorkflowRuntime): (req: IncomingMessage, res: ServerResponse) => void {
  const operations: Record<string, Operation> = {
    StartExecution: (body) => {
      const started = runtime.startExecution({
        stateMachineArn: body.stateMachineArn as string,
        ...(body.name !== undefined ? { name: body.name as string } : {}),
        ...(body.input !== undefined ? { input: body.input as string } : {}),
      });
      return { executionArn: started.executionArn, startDate: seconds(started.startDate) };
    },
    DescribeExecution: (body) => describe(runtime.describeExecution(body.executionArn as string)),
    ListExecutions: (body) => {
      if (body.statusFilter !== undefined && !STATUSES.includes(body.statusFilter as ExecutionStatus)) {
        throw new SfnError('ValidationException', `statusFilter must be one of ${STATUSES.join(', ')}`);
      }
      const all = runtime.listExecutions(body.stateMachineArn as string, body.statusFilter as ExecutionStatus | undefined);
      const { page, nextToken } = paginate(all, body, 100, 1000);
      return {
        executions: page.map((execution) => ({
          executionArn: execution.executionArn,
          stateMachineArn: execution.stateMachineArn,
          name: execution.name,
          status: execution.status,
          startDate: seconds(execution.startDate),
          ...(execution.stopDate ? { stopDate: seconds(execution.stopDate) } : {}),
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    },
    StopExecution: (body) => {
      const { stopDate } = runtime.stopExecution(body.executionArn as string, {
        ...(typeof body.error === 'string' ? { error: body.error } : {}),
        ...(typeof body.cause === 'string' ? { cause: body.cause } : {}),
      });
      return { stopDate: seconds(stopDate) };
    },
    SendTaskSuccess: (body) => (runtime.sendTaskSuccess(body.taskToken as string, body.output as string), {}),
    SendTaskFailure: (body) => (runtime.sendTaskFailure(body.taskToken as string, body.error as string | undefined, body.cause as string | undefined), {}),
    SendTaskHeartbeat: (body) => (runtime.sendTaskHeartbeat(body.taskToken as string), {}),
    GetExecutionHistory: (body) => {
      const execution = runtime.describeExecution(body.executionArn as string);
      const includeData = body.includeExecutionData !== false;
      const events = body.reverseOrder === true ? [...execution.history].reverse() : execution.history;
      const { page, nextToken } = paginate(events, body, 1000, 1000);
      return {
        events: page.map((event) => ({
          id: event.id,
          previousEventId: event.id - 1,
          timestamp: seconds(event.timestamp),
          type: event.type,
          ...(event.details ? { [detailsMember(event.type)]: includeData ? event.details : withoutData(event.details) } : {}),
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    },
    DescribeStateMachine: (body) => {
      const machine = runtime.describeStateMachine(body.stateMachineArn as string);
      return {
        stateMachineArn: machine.stateMachineArn,
        name: machine.name,
        status: 'ACTIVE',
        definition: machine.definition,
        roleArn: 'arn:aws:iam::000000000000:role/local-sfn',
        type: 'STANDARD',
        creationDate: seconds(machine.creationDate),
      };
    },
  };

  return (req, res) => {
    const requestId = randomUUID();
    const reply = (status: number, body: unknown, errorType?: string) =>
      res
        .writeHead(status, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-requestid': requestId,
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        })
        .end(JSON.stringify(body));
    const fail = (status: number, type: string, message: string) => reply(status, { __type: type, message }, type);

    if (req.method !== 'POST') return fail(405, 'UnknownOperationException', 'Step Functions takes POST requests only');
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('AWSStepFunctions.') ? operations[target.slice('AWSStepFunctions.'.length)] : undefined;
    if (!operation) return fail(400, 'UnknownOperationException', `Unknown operation: ${target || '(no X-Amz-Target)'}`);

    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return fail(413, 'SerializationException', 'Request body too large');
      let body: unknown;
      try {
        body = size ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return fail(400, 'SerializationException', 'Request body is not valid JSON');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'SerializationException', 'Request body must be a JSON object');
      try {
        reply(200, operation(body as Body));
      } catch (error) {
        if (error instanceof SfnError) return fail(400, error.code, error.message);
        console.error('[sfn] internal error:', error);
        fail(500, 'InternalServerError', 'Internal server error');
      }
    });
    req.on('error', () => fail(400, 'SerializationException', 'Request body could not be read'));
  };
}

/** AWS JSON 1.0 sends timestamps as epoch seconds. */
const seconds = (ms: number) => ms / 1000;

function describe(execution: Execution) {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    ...(execution.stopDate ? { stopDate: seconds(execution.stopDate) } : {}),
    input: execution.input,
    inputDetails: { included: true },
    ...(execution.output !== undefined ? { output: execution.output, outputDetails: { included: true } } : {}),
    ...(execution.error !== undefined ? { error: execution.error } : {}),
    ...(execution.cause !== undefined ? { cause: execution.cause } : {}),
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
}

/** `TaskStateEntered` → `stateEnteredEventDetails`, `ExecutionFailed` → `executionFailedEventDetails`… as in AWS. */
function detailsMember(type: string): string {
  const generic = /^[A-Za-z]+State(Entered|Exited)$/.exec(type);
  const base = generic ? `State${generic[1]}` : type;
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}EventDetails`;
}

function withoutData(details: Record<string, unknown>): Record<string, unknown> {
  const { input: _input, output: _output, ...rest } = details;
  return rest;
}

/** Opaque offset tokens, as AWS's `nextToken` is opaque; a bad one is InvalidToken, as in AWS. */
function paginate<T>(items: readonly T[], body: Body, defaultSize: number, maxSize: number): { page: T[]; nextToken?: string } {
  const size = body.maxResults === undefined || body.maxResults === 0 ? defaultSize : Number(body.maxResults);
  if (!Number.isInteger(size) || size < 0 || size > maxSize) throw new SfnError('ValidationException', `maxResults must be from 0 to ${maxSize}`);
  let offset = 0;
  if (body.nextToken !== undefined) {
    const decoded = /^o:(\d+)$/.exec(Buffer.from(String(body.nextToken), 'base64url').toString('utf8'));
    if (!decoded) throw new SfnError('InvalidToken', 'Invalid Token: the nextToken was not returned by a previous call');
    offset = Number(decoded[1]);
  }
  const page = items.slice(offset, offset + size);
  return offset + size < items.length ? { page, nextToken: Buffer.from(`o:${offset + size}`).toString('base64url') } : { page };
}
