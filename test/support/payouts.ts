import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { release, released } from '#shared/domain/ledger.ts';
import { ribKey } from '#shared/domain/payouts.ts';
import { ledger as ledgerData } from '#shared/data/ledger.ts';
import { keys } from '#shared/data/keys.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { anonymous, request, type Account } from './accounts.ts';
import { newShopperContact } from './connections.ts';
import { actOnParcel, until } from './saga.ts';

/**
 * Payouts' test arrangements on the running store: a parcel sold by cash on delivery and delivered
 * through the API, its return window ended by the release the scheduler would run (for that one
 * earning only, so other files' earnings stay pending), a RIB set with the code from the outbox,
 * and a RIB made older than the 48-hour hold (as if set two days ago).
 */
let documentClient: DynamoDBDocumentClient | undefined;
export const storeTable = () => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }), { marshallOptions: { removeUndefinedValues: true } });
  return { db: documentClient, tableName: inject('tableName') };
};
export const storeLedger = () => ledgerData(storeTable());

/** A valid RIB of this bank (3 digits) made of a number: `rib('007', 42)`. */
export const rib = (bank: string, n: number) => {
  const first22 = `${bank}780${String(n).padStart(16, '0')}`;
  return first22 + ribKey(first22);
};

/** The newest e-mail the outbox holds for this address whose `kind` is this one. */
export async function outboxEmail(to: string, kind: string): Promise<{ subject: string; text: string; html: string }> {
  return until(`a ${kind} e-mail to ${to}`, async () => {
    const response = await fetch(`${inject('storeUrl')}/dev/outbox?to=${encodeURIComponent(to)}`);
    const { messages } = (await response.json()) as { messages: { kind?: string; subject: string; text: string; html: string }[] };
    return messages.find((m) => m.kind === kind);
  });
}

/** The artisan's RIB set through the API: asked, then confirmed with the code e-mailed. */
export async function setRib(artisan: Account, value: string, holder: string) {
  const asked = await artisan.call('PATCH', '/api/me/shop', { payoutAccount: { rib: value, holder } });
  if (asked.status !== 200) throw new Error(`RIB refused: ${JSON.stringify(asked.body)}`);
  const code = /\b(\d{6})\b/.exec((await outboxEmail(artisan.email, 'payout:rib-code')).subject)![1];
  const confirmed = await artisan.call('PATCH', '/api/me/shop', { payoutAccount: { code } });
  if (confirmed.status !== 200) throw new Error(`code refused: ${JSON.stringify(confirmed.body)}`);
  return confirmed.body;
}

/** The shop's RIB as if confirmed `hours` ago (past the fraud guard's hold). */
export async function ageRib(shopId: string, hours = 49) {
  const { db, tableName } = storeTable();
  await db.send(new UpdateCommand({ TableName: tableName, Key: keys.payoutAccount(shopId), UpdateExpression: 'SET changedAt = :at', ExpressionAttributeValues: { ':at': new Date(Date.now() - hours * 3_600_000).toISOString() } }));
}

/**
 * A parcel of the artisan's product, delivered through the API (cash on delivery, or by card: paid
 * on the sandbox's TEST page as a browser presses Approve); answers its order id and the earning.
 */
export async function deliveredParcel(artisan: Account, shopId: string, product: { productId: string; sku: string }, quantity = 1, payment: 'cod' | 'card' = 'cod', locale?: string) {
  const contact = newShopperContact('salma');
  const placed = await request(
    'POST',
    '/api/orders',
    { lines: [{ ...product, quantity }], customer: { name: 'Salma', ...contact, address: { line1: '3 av. Mohammed V', city: 'Dakhla', country: 'MA' }, ...(locale ? { locale } : {}) }, payment, termsAccepted: true, withdrawalAcknowledged: true },
    undefined,
    { 'idempotency-key': `payout-${Date.now()}-${Math.floor(Math.random() * 1e9)}` },
  );
  if (placed.status !== 201) throw new Error(`order refused: ${JSON.stringify(placed.body)}`);
  const orderId = placed.body.order.id as string;
  if (payment === 'card') {
    const pressed = await fetch(`${placed.body.payment.redirectUrl}/decision`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve', redirect: 'manual' });
    if (pressed.status !== 303) throw new Error(`sandbox page answered ${pressed.status}`);
  }
  await actOnParcel(artisan, orderId, { action: 'accept' });
  await actOnParcel(artisan, orderId, { action: 'ship', carrier: 'amana', trackingNumber: 'RR123456789MA' });
  await actOnParcel(artisan, orderId, { action: 'deliver' });
  const earning = await until('the parcel’s earning', () => storeLedger().earning(shopId, orderId));
  return { orderId, shopId, earning, guestToken: placed.body.guestToken as string, email: contact.email as string };
}

/** The end of the parcel's return window, as the scheduled release writes it (this earning only). */
export async function releaseNow(shopId: string, orderId: string) {
  const l = storeLedger();
  const earning = (await l.earning(shopId, orderId))!;
  const at = new Date().toISOString();
  if (!(await l.post({ entries: [release(earning, at)], earnings: [{ from: earning, to: released(earning, at) }] }, at))) throw new Error('release not written');
  return earning;
}

/** A listed product's variant with the most stock. */
export async function variantOf(productId: string) {
  const variants = (await anonymous.call('GET', `/api/products/${productId}`)).body.variants as { sku: string; stock: number }[];
  return { productId, sku: [...variants].sort((a, b) => b.stock - a.stock)[0]!.sku };
}
