import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { users } from '#shared/data/users.ts';
import { FUNCTION_MEMORY_MB } from '../../infra/constructs/handler-function.ts';
import { ensureAccount, localCognitoClient, signInTokens } from '../../infra/local/cognito.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { SHOP } from '../../infra/local/demo-data/shops.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { startStack, type RunningStack } from '../../infra/local/stack.ts';
import { LOCAL_ACCOUNT } from '../../infra/local/workflows.ts';
import { newConnection, newShopperContact, sendFrom } from '../support/connections.ts';
import { demoData } from '../support/demo-expectations.ts';
import { startDynamoMeter, type DynamoMeter, type MeterReading } from './dynamo-meter.ts';
import { ASSUMED_BILLED_MS, PRICES } from './prices.ts';

/**
 * What one order costs in AWS, counted on the whole local store: orders placed through the API,
 * each parcel accepted, shipped and delivered by its artisan through the API, the saga run by the
 * local Step Functions to its end. Counted independently of the code: DynamoDB requests and
 * units by a meter in front of DynamoDB Local (dynamo-meter.ts), state transitions from the
 * execution's history, API calls as the shopper, the payment provider and the artisans make them,
 * e-mails from the outbox. Priced with prices.ts. The scheduled functions (the reconciler) do not
 * run on timers meanwhile: the figures are the order's alone.
 */
export interface OrderKind {
  name: string;
  payment: 'cod' | 'card';
  artisans: 1 | 2 | 3;
}

export const ORDER_KINDS: readonly OrderKind[] = [
  { name: 'cash on delivery, 1 artisan', payment: 'cod', artisans: 1 },
  { name: 'cash on delivery, 2 artisans', payment: 'cod', artisans: 2 },
  { name: 'cash on delivery, 3 artisans', payment: 'cod', artisans: 3 },
  { name: 'card, 2 artisans', payment: 'card', artisans: 2 },
];

export interface OrderCost {
  kind: string;
  transitions: number;
  lambdaInvocations: number;
  apiCalls: number;
  dynamoRequests: number;
  writeUnits: number;
  readUnits: number;
  emails: number;
  /** Dollars per 1,000 orders. */
  per1000: { stepFunctions: number; lambda: number; dynamodb: number; api: number; emails: number; withoutMessages: number; total: number };
  byOperation: MeterReading['byOperation'];
}

const THIRD_ARTISAN = { email: 'bench-artisan@dakhla.market', password: 'Bench-Artisan-2026-Dakhla', groups: ['artisan'] as const, shopId: SHOP.brahim };

export async function measureOrderCosts(options: { runs?: number; log?: (line: string) => void } = {}): Promise<OrderCost[]> {
  const log = options.log ?? (() => {});
  let meter: DynamoMeter | undefined;
  const stack = await startStack({
    port: 0,
    workflowTimeScale: 1,
    scheduleTimers: false,
    handlerDynamoEndpoint: async (endpoint) => (meter = await startDynamoMeter(endpoint)).endpoint,
  });
  try {
    const artisans = await signInArtisans(stack);
    const results: OrderCost[] = [];
    for (const kind of ORDER_KINDS) {
      // The first order of a kind warms the handlers' caches (settings, the carriers' rates), as a
      // warm Lambda has them; the last run is the one reported.
      let last: OrderCost | undefined;
      for (let run = 0; run < (options.runs ?? 2); run++) last = await measureOne(stack, meter!, artisans, kind);
      log(`${kind.name}: ${last!.transitions} transitions, ${last!.dynamoRequests} DynamoDB requests`);
      results.push(last!);
    }
    return results;
  } finally {
    await stack.stop();
    await meter?.close();
  }
}

interface Artisan {
  shopId: string;
  idToken: string;
  product: () => { productId: string; sku: string };
}

async function signInArtisans(stack: RunningStack): Promise<Artisan[]> {
  const cognito = localCognitoClient(stack.cognito.endpoint);
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  try {
    const third = await ensureAccount(cognito, stack.cognito.userPoolId, THIRD_ARTISAN);
    await users({ db, tableName: stack.tableName }).linkShopOwner(third.sub, THIRD_ARTISAN.email, THIRD_ARTISAN.shopId);
    const accounts = [DEMO_ACCOUNTS.artisan, DEMO_ACCOUNTS.cooperative, THIRD_ARTISAN];
    return await Promise.all(
      accounts.map(async (account) => {
        const tokens = await signInTokens(cognito, stack.cognito.clientId, account);
        return { shopId: account.shopId, idToken: tokens.IdToken, product: productOf(account.shopId) };
      }),
    );
  } finally {
    cognito.destroy();
    db.destroy();
  }
}

/** The shop's published variants with their stock; each measured order takes one unit of the first that has one left. */
function productOf(shopId: string): () => { productId: string; sku: string } {
  const left = demoData.products
    .filter((p) => p.product.shopId === shopId && (p.product.status ?? 'published') === 'published')
    .flatMap((p) => p.variants.map((v) => ({ productId: p.product.id, sku: v.sku, stock: v.stock })))
    .filter((v) => v.stock > 0);
  return () => {
    const next = left.find((v) => v.stock > 0);
    if (!next) throw new Error(`the demo shop ${shopId} has no stock left for the benchmark`);
    next.stock -= 1;
    return { productId: next.productId, sku: next.sku };
  };
}

async function measureOne(stack: RunningStack, meter: DynamoMeter, artisans: readonly Artisan[], kind: OrderKind): Promise<OrderCost> {
  const call = callerFor(stack.url);
  const sellers = artisans.slice(0, kind.artisans);
  const emailsBefore = stack.outbox.list().length;
  meter.reset();
  let apiCalls = 0;
  const counted = async (...args: Parameters<typeof call>) => {
    apiCalls += 1;
    return call(...args);
  };

  const placed = await counted(
    'POST',
    '/api/orders',
    {
      lines: sellers.map((s) => ({ ...s.product(), quantity: 1 })),
      customer: { name: 'Salma Bench', ...newShopperContact('bench'), address: { line1: '3 av. Mohammed V', city: 'Dakhla', country: 'MA' } },
      payment: kind.payment,
      termsAccepted: true,
    },
    { 'idempotency-key': `bench-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  if (placed.status !== 201) throw new Error(`checkout refused (${placed.status}): ${JSON.stringify(placed.body)}`);
  const orderId = placed.body.order.id as string;
  if (kind.payment === 'card') {
    const sessionId = new URL(placed.body.payment.redirectUrl as string, stack.url).pathname.split('/').pop()!;
    const paid = await counted('POST', `/api/payments/sandbox/${sessionId}/decision`, { decision: 'approve' });
    if (paid.status !== 303) throw new Error(`payment refused (${paid.status}): ${JSON.stringify(paid.body)}`);
    apiCalls += 1; // the provider's signed webhook to the store, which the decision sends
  }
  const saga = sagaOf(stack, orderId);
  const steps = [
    { state: 'AwaitAcceptance', body: { action: 'accept' } },
    { state: 'AwaitShipment', body: { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' } },
    { state: 'AwaitDelivery', body: { action: 'deliver' } },
  ];
  for (const { state, body: step } of steps) {
    // Each artisan acts once the saga waits for her (as her page would let her), so no refused
    // call is counted; a 409 not_now (the wait's handler still saving its token) is tried again.
    await saga.entered(state, sellers.length);
    for (const seller of sellers) {
      const answer = await until(`${step.action} ${orderId}`, async () => {
        const a = await call('POST', `/api/me/orders/${orderId}/fulfilment`, step, { authorization: `Bearer ${seller.idToken}` });
        return a.status === 409 && a.body?.error?.code === 'not_now' ? undefined : a;
      });
      apiCalls += 1;
      if (answer.status !== 200) throw new Error(`${step.action} refused (${answer.status}): ${JSON.stringify(answer.body)}`);
    }
  }
  const history = await saga.finished();
  saga.close();
  const reading = meter.reading();
  const emails = stack.outbox.list().length - emailsBefore;
  const transitions = history.filter((e) => e.type?.endsWith('StateEntered')).length;
  const taskInvocations = history.filter((e) => e.type === 'TaskStateEntered').length;
  const lambdaInvocations = taskInvocations + apiCalls;
  const per = {
    stepFunctions: transitions * PRICES.stateTransition,
    lambda: lambdaInvocations * (PRICES.lambdaRequest + (FUNCTION_MEMORY_MB / 1024) * (ASSUMED_BILLED_MS / 1000) * PRICES.lambdaGbSecond),
    dynamodb: reading.writeUnits * PRICES.writeRequestUnit + reading.readUnits * PRICES.readRequestUnit,
    api: apiCalls * PRICES.httpApiRequest,
    emails: emails * PRICES.email,
  };
  const withoutMessages = per.stepFunctions + per.lambda + per.dynamodb + per.api;
  const thousand = (n: number) => Math.round(n * 1000 * 10_000) / 10_000;
  return {
    kind: kind.name,
    transitions,
    lambdaInvocations,
    apiCalls,
    dynamoRequests: reading.requests,
    writeUnits: reading.writeUnits,
    readUnits: reading.readUnits,
    emails,
    per1000: {
      stepFunctions: thousand(per.stepFunctions),
      lambda: thousand(per.lambda),
      dynamodb: thousand(per.dynamodb),
      api: thousand(per.api),
      emails: thousand(per.emails),
      withoutMessages: thousand(withoutMessages),
      total: thousand(withoutMessages + per.emails),
    },
    byOperation: reading.byOperation,
  };
}

function callerFor(baseUrl: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> => {
    const answer = await sendFrom(newConnection(), method, `${baseUrl}${path}`, {
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    let parsed: unknown = answer.text;
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      // not JSON (a redirect's empty body)
    }
    return { status: answer.status, body: parsed };
  };
}

/** The order saga's execution history, read through the local Step Functions API (every page). */
function sagaOf(stack: RunningStack, orderId: string) {
  const sfn = new SFNClient({ endpoint: stack.sfnEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:order-saga:${orderId}`;
  const history = async () => {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) }));
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  };
  return {
    history,
    /** Until `count` of its Map's items have entered this state (the artisans' step is open then). */
    async entered(state: string, count: number) {
      await until(`${count} × ${state} in the saga of ${orderId}`, async () => {
        const n = (await history()).filter((e) => e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === state).length;
        return n >= count ? true : undefined;
      });
    },
    async finished(): Promise<HistoryEvent[]> {
      const status = await until(`the saga of ${orderId} to end`, async () => {
        const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        return status === 'RUNNING' ? undefined : status;
      });
      if (status !== 'SUCCEEDED') throw new Error(`the saga of ${orderId} ended ${status}`);
      return history();
    },
    close: () => sfn.destroy(),
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
