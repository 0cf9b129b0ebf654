import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#shared/data/keys.ts';
import { ORDER_LINK_HEADER } from '#shared/domain/order-link.ts';
import { SAGA_TIMEOUTS } from '#shared/workflows/order-saga.ts';
import { localCognitoClient, signInTokens } from '../../infra/local/cognito.ts';
import { DEMO_ACCOUNTS } from '../../infra/local/demo-accounts.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { requestAt } from '../support/accounts.ts';
import { newShopperContact } from '../support/connections.ts';
import { executionArn, until } from '../support/saga.ts';
import { startStoreProcess, type StoreProcess } from '../support/store-process.ts';

/**
 * `npm start` on a data folder keeps the order sagas across a restart, as Step Functions keeps
 * executions across anything: orders placed before a clean stop (Ctrl-C), before a kill in the
 * middle of a saga, or before a deadline that passes while the store is down, carry on after the
 * next start and end where they should — with their stock given back exactly once when they are
 * cancelled. A project of its own (`restarts`), run after the others: its stores are heavy, and
 * the other projects' timings should not share the machine with them. Each test runs its own stores (real `npm start` processes) on a folder of its own —
 * a copy of one that a first `npm start` filled with the demo data — with the demo artisan's shop
 * Atelier Mina.
 */
const ARTISAN = DEMO_ACCOUNTS.artisan;
const folders: string[] = [];
const running: StoreProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((store) => store.stop('SIGKILL')));
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dakhla-restart-'));
  folders.push(dir);
  return dir;
};
let seeded: string;
beforeAll(async () => {
  seeded = newFolder();
  const store = await startStoreProcess(['--port', '0', '--data-dir', seeded, '--quiet']);
  expect(store.output()).toContain('loaded demo data');
  expect(await store.stop('SIGINT')).toBe(0);
}, 180_000);
/** A data folder with the demo data, as `npm start` left it. */
const dataFolder = () => {
  const dir = newFolder();
  cpSync(seeded, dir, { recursive: true });
  return dir;
};

/** A store of the test's own on `dataDir`, and the clients that talk to it. */
async function storeOn(dataDir: string, options: { timeScale?: number; detached?: boolean } = {}) {
  const args = ['--port', '0', '--data-dir', dataDir, '--quiet', ...(options.timeScale ? ['--workflow-time-scale', String(options.timeScale)] : [])];
  const store = await startStoreProcess(args, { detached: options.detached ?? false });
  running.push(store);
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: store.dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const sfn = new SFNClient({ endpoint: `${store.url}/sfn`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const cognito = localCognitoClient(store.cognito.endpoint);
  const api = <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, idToken?: string) => requestAt<T>(store.url, method, path, body, idToken, headers);
  const artisanToken = async () => (await signInTokens(cognito, store.cognito.clientId, ARTISAN)).IdToken;
  const close = () => [db, sfn, cognito].forEach((client) => client.destroy());
  const side = {
    store,
    api,
    /** The saga step's task token, as its handler kept it (undefined while none is). */
    token: async (orderId: string, step: 'payment' | 'accept' | 'ship' | 'deliver') =>
      (await db.send(new GetCommand({ TableName: 'dakhla-market', Key: keys.sagaTask(orderId, step, step === 'payment' ? undefined : ARTISAN.shopId), ConsistentRead: true }))).Item?.token as string | undefined,
    execution: (orderId: string) => sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(orderId) })),
    history: async (orderId: string) => (await sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArn(orderId), maxResults: 1000 }))).events ?? [],
    finished: (orderId: string) =>
      until(`the saga of ${orderId} to end`, async () => {
        const described = await side.execution(orderId);
        return described.status === 'RUNNING' ? undefined : described;
      }, 60_000),
    stock: async (product: { productId: string; sku: string }) =>
      ((await api('GET', `/api/products/${product.productId}`)).body.variants as { sku: string; stock: number }[]).find((v) => v.sku === product.sku)!.stock,
    order: async (placed: Placed) => (await api('GET', `/api/orders/${placed.orderId}`, undefined, { [ORDER_LINK_HEADER]: placed.guestToken })).body,
    /** The demo artisan acts on the order's parcel, once the saga waits for that step. */
    act: async (orderId: string, body: object) => {
      const idToken = await artisanToken();
      return until(`${JSON.stringify(body)} on ${orderId}`, async () => {
        const answer = await api('POST', `/api/me/orders/${orderId}/fulfilment`, body, {}, idToken);
        return answer.status === 409 && answer.body.error.code === 'not_now' ? undefined : answer;
      }, 30_000);
    },
    /** The demo artisan takes the parcel to the shopper: accepted, shipped, delivered. */
    fulfil: async (orderId: string) => {
      expect((await side.act(orderId, { action: 'accept' })).body.status).toBe('accepted');
      expect((await side.act(orderId, { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' })).body.status).toBe('shipped');
      expect((await side.act(orderId, { action: 'deliver' })).body.status).toBe('delivered');
    },
    /** The shopper presses Approve on the sandbox TEST page (of this store: its port is another after a restart) and the store sends itself the signed webhook, then answers 303. */
    pay: async (placed: Placed) => {
      const page = `${store.url}${new URL(placed.redirectUrl!).pathname}`;
      const answer = await fetch(`${page}/decision?lang=fr`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve', redirect: 'manual' });
      expect(answer.status).toBe(303);
    },
    async place(product: { productId: string; sku: string }, payment: 'cod' | 'card'): Promise<Placed> {
      const placed = await api('POST', '/api/orders', { lines: [{ ...product, quantity: 1 }], customer: { name: 'Salma', ...newShopperContact('restart'), address: { line1: '4 av. Al Walae', city: 'Dakhla', country: 'MA' } }, payment, termsAccepted: true, withdrawalAcknowledged: true }, {
        'idempotency-key': `restart-${payment}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      });
      expect(placed.status).toBe(201);
      return { orderId: placed.body.order.id, guestToken: placed.body.guestToken, redirectUrl: placed.body.payment?.redirectUrl };
    },
    close,
  };
  return side;
}
type Placed = { orderId: string; guestToken: string; redirectUrl?: string };
type Side = Awaited<ReturnType<typeof storeOn>>;

/** A product of Atelier Mina with a few units in stock. */
async function aProduct(side: Side) {
  const listed = (await side.api('GET', `/api/products?shop=${ARTISAN.shopId}&limit=48`)).body.items as { id: string }[];
  for (const { id } of listed) {
    const variant = ((await side.api('GET', `/api/products/${id}`)).body.variants as { sku: string; stock: number }[]).find((v) => v.stock >= 3);
    if (variant) return { productId: id, sku: variant.sku };
  }
  throw new Error('no product of Atelier Mina has 3 units in stock');
}

/** The states an execution entered, in order. */
const entered = (events: Awaited<ReturnType<Side['history']>>) => events.filter((e) => e.type?.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name);

describe('npm start keeps order sagas across a restart', () => {
  it('Ctrl-C, a start, a kill mid-saga, another start: the tokens from before both still work, the card paid in between goes on; each order ends where it should', async () => {
    const dataDir = dataFolder();
    // 1. Two orders wait: a cash order for its artisan, a card order for its payment. Ctrl-C.
    const first = await storeOn(dataDir);
    const product = await aProduct(first);
    const stock = await first.stock(product);
    const cod = await first.place(product, 'cod');
    const card = await first.place(product, 'card');
    const acceptToken = await until('the cash order waiting for its artisan', () => first.token(cod.orderId, 'accept'));
    const paymentToken = await until('the card order waiting for its payment', () => first.token(card.orderId, 'payment'));
    expect(await first.stock(product)).toBe(stock - 2);
    first.close();
    expect(await first.store.stop('SIGINT')).toBe(0);
    expect(first.store.output()).toContain('stopped');

    // 2. A start on the same folder: both still wait, on the very tokens handed out before. The
    //    card is paid (its webhook resumes the saga), and the store is killed right then: mid-saga.
    const second = await storeOn(dataDir, { detached: true });
    expect(second.store.output()).toContain('carrying on with 2 executions');
    for (const placed of [cod, card]) expect((await second.execution(placed.orderId)).status).toBe('RUNNING');
    expect(await second.token(cod.orderId, 'accept')).toBe(acceptToken);
    expect(await second.token(card.orderId, 'payment')).toBe(paymentToken);
    await second.pay(card);
    second.close();
    await second.store.kill();

    // 3. Another start: the card order reaches the artisan, who declines it; the cash order is
    //    accepted with the token from before both restarts, shipped and delivered.
    const third = await storeOn(dataDir);
    try {
      expect(third.store.output()).toContain('carrying on with 2 executions');
      expect(await third.token(cod.orderId, 'accept')).toBe(acceptToken);
      await third.fulfil(cod.orderId);
      expect(['declined', 'cancelled']).toContain((await third.act(card.orderId, { action: 'decline', reason: 'The leather is out this month' })).body.status);

      const [codDone, cardDone] = [await third.finished(cod.orderId), await third.finished(card.orderId)];
      expect([codDone.status, cardDone.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      const codView = await third.order(cod);
      expect(codView.order).toMatchObject({ status: 'completed', payment: { status: 'captured' } });
      const cardView = await third.order(card);
      expect(cardView.order.status).toBe('cancelled');
      expect(cardView.subOrders[0]).toMatchObject({ status: 'cancelled', cancelReason: 'declined' });
      expect(cardView.order.payment.history.map((movement: { kind: string }) => movement.kind)).toEqual(['authorized', 'refunded']);
      // The cash order's unit is sold; the card order's came back, once.
      expect(await third.stock(product)).toBe(stock - 1);
      // Nothing entered twice, nothing aborted: the same states as orders that never saw a restart.
      const codHistory = await third.history(cod.orderId);
      expect(entered(codHistory)).toEqual(['HowToPay', 'ConfirmOrder', 'Fulfil', 'AwaitAcceptance', 'AwaitShipment', 'AwaitDelivery', 'CompleteOrder']);
      const cardHistory = await third.history(card.orderId);
      expect(entered(cardHistory)).toEqual(['HowToPay', 'AwaitPayment', 'ConfirmOrder', 'Fulfil', 'AwaitAcceptance', 'CancelSubOrder', 'CompleteOrder']);
      expect([...codHistory, ...cardHistory].some((event) => event.type === 'ExecutionAborted')).toBe(false);
    } finally {
      third.close();
      expect(await third.store.stop('SIGINT')).toBe(0);
    }
  }, 300_000);

  it("an artisan's acceptance deadline that passes while the store is down: on start the wait times out at once and the parcel is cancelled, its stock back once", async () => {
    const dataDir = dataFolder();
    const waitMs = 12_000;
    const timeScale = waitMs / 1000 / SAGA_TIMEOUTS.acceptanceSeconds; // 48 hours last 12 s
    const before = await storeOn(dataDir, { timeScale });
    const product = await aProduct(before);
    const stock = await before.stock(product);
    const cod = await before.place(product, 'cod');
    await until('the cash order waiting for its artisan', () => before.token(cod.orderId, 'accept'));
    const waiting = (await before.history(cod.orderId)).find((e) => e.stateEnteredEventDetails?.name === 'AwaitAcceptance')!;
    const due = waiting.timestamp!.getTime() + waitMs;
    before.close();
    expect(await before.store.stop('SIGINT')).toBe(0);
    expect(Date.now()).toBeLessThan(due); // it was still waiting when the store stopped
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due + 500 - Date.now())));

    const startedAt = Date.now();
    const after = await storeOn(dataDir, { timeScale });
    const readyAt = Date.now();
    try {
      const done = await after.finished(cod.orderId);
      expect(done.status).toBe('SUCCEEDED');
      const history = await after.history(cod.orderId);
      const timedOut = history.find((event) => event.type === 'TaskTimedOut')!;
      expect(timedOut.taskTimedOutEventDetails).toMatchObject({ error: 'States.Timeout' });
      expect(timedOut.timestamp!.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(timedOut.timestamp!.getTime() - readyAt).toBeLessThan(waitMs / 2); // at once, not another 48 hours (12 s) later
      expect(entered(history)).toEqual(['HowToPay', 'ConfirmOrder', 'Fulfil', 'AwaitAcceptance', 'CancelSubOrder', 'CompleteOrder']);
      const view = await after.order(cod);
      expect(view.order.status).toBe('cancelled');
      expect(view.subOrders[0]).toMatchObject({ status: 'cancelled', cancelReason: 'deadline_missed' });
      expect(await after.stock(product)).toBe(stock);
    } finally {
      after.close();
      expect(await after.store.stop('SIGINT')).toBe(0);
    }
  }, 240_000);
});
