import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CmiSecrets } from '#shared/payments/cmi.ts';
import { cmiAmount, cmiHash, CMI_CURRENCY_MAD, CMI_HASH_ALGORITHM, CMI_STORE_TYPE, hasValidCmiHash, parseCmiAmount, parseCmiForm } from '#shared/payments/cmi.ts';

/**
 * The local CMI TEST gateway: what CMI's 3-D Secure platform does, on this machine, for `npm start
 * -- --payment-provider cmi` and the tests. Never deployed (infra/local only). It keeps its payment
 * sessions and transactions in memory: a restart of the store forgets them (an order still waiting
 * then times out and is cancelled, as with a shopper who never paid).
 *
 *   POST /fim/est3Dgate      the signed form from the store's redirect page: refused (400) when its
 *                            HASH, client id, store type, currency or amount is wrong, as CMI does;
 *                            else 303 to the card page
 *   GET  /pay/{id}           the card page: the amount, "Pay" or "Decline"
 *   GET  /pay/{id}/3ds       the 3-D Secure step: the bank's one-time code (shown, it is a test) to type
 *   POST /pay/{id}/…         each step; the last sends the REAL signed callback to callbackUrl (form
 *                            POST), reads its answer (ACTION=POSTAUTH captures) and posts the
 *                            shopper's browser to okUrl / failUrl
 *   POST /fim/api            the merchant API: CC5Request Void, Credit, PostAuth (API user's name and password)
 *   GET  /dev/transactions/{oid}            what happened to an order (JSON: status, callbacks, API calls)
 *   POST /dev/transactions/{oid}/callback   sends the last callback again (CMI retries); answers the store's answer
 */
export const LOCAL_CMI_CREDENTIALS: CmiSecrets = {
  clientId: '600001234',
  // A `|` and a `\` in the store key: the local runs exercise the hash's escaping.
  storeKey: 'Dakhla|Test\\StoreKey7',
  apiUser: 'dakhla-api',
  apiPassword: 'local-api-password',
};

export interface CmiTransaction {
  oid: string;
  amount: number;
  /** preauth: held; captured: taken; voided; declined (by the card or 3-D Secure). */
  status: 'preauth' | 'captured' | 'voided' | 'declined';
  transId?: string;
  credited: number;
  callbacks: { at: string; status: number; answer: string }[];
  api: { at: string; type: string; total?: number; response: string; errMsg?: string }[];
  lastCallback?: Record<string, string>;
}

export interface CmiTestGateway {
  url: string;
  gatewayUrl: string;
  apiUrl: string;
  transactions: Map<string, CmiTransaction>;
  stop(): Promise<void>;
}

interface Session {
  id: string;
  fields: Record<string, string>;
  amount: number;
  otp: string;
  done?: boolean;
}

const TEXT = {
  ar: { title: 'بوابة الدفع CMI — اختبار', test: 'بوابة اختبار محلية — لا يتم خصم أي مبلغ حقيقي', merchant: 'التاجر', order: 'الطلب', amount: 'المبلغ', card: 'رقم البطاقة', pay: 'ادفع', decline: 'رفض البطاقة', step: 'التحقق \u20663-D Secure\u2069', code: 'رمز البنك (معروض لأنها صفحة اختبار)', enter: 'أدخل الرمز', confirm: 'تأكيد', back: 'العودة إلى المتجر', approved: 'تمت الموافقة على الدفع', declined: 'تم رفض الدفع' },
  fr: { title: 'Passerelle CMI — TEST', test: 'PASSERELLE DE TEST locale — aucun argent réel n’est débité', merchant: 'Marchand', order: 'Commande', amount: 'Montant', card: 'Numéro de carte', pay: 'Payer', decline: 'Carte refusée', step: 'Vérification 3-D Secure', code: 'Code de la banque (affiché : page de test)', enter: 'Saisissez le code', confirm: 'Valider', back: 'Retour au marchand', approved: 'Paiement accepté', declined: 'Paiement refusé' },
  en: { title: 'CMI gateway — TEST', test: 'Local TEST gateway — no real money is charged', merchant: 'Merchant', order: 'Order', amount: 'Amount', card: 'Card number', pay: 'Pay', decline: 'Card declined', step: '3-D Secure check', code: 'The bank’s code (shown: this is a test page)', enter: 'Enter the code', confirm: 'Confirm', back: 'Back to the merchant', approved: 'Payment approved', declined: 'Payment declined' },
} as const;
type Lang = keyof typeof TEXT;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#eef2f7;color:#13233a}
.banner{background:#b3261e;color:#fff;font-weight:700;text-align:center;padding:.6rem}
header{background:#0b3d91;color:#fff;padding:.8rem 1rem;font-weight:700;letter-spacing:.04em}
main{max-width:26rem;margin:1.5rem auto;background:#fff;border-radius:10px;padding:1.25rem;box-shadow:0 2px 10px #0002}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#50607a}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.amount{font-size:1.5rem}label{display:block;margin:.8rem 0 .3rem}input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:1px solid #99a;border-radius:6px}
form.actions{display:flex;gap:.6rem;flex-wrap:wrap;margin-top:1rem}button{flex:1;font-size:1rem;padding:.8rem;border-radius:8px;border:0;cursor:pointer}
.pay{background:#0b3d91;color:#fff}.decline{background:#eee;border:1px solid #bbb}.otp{font-size:1.6rem;font-weight:700;letter-spacing:.2em}`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang: Lang, body: string, script = ''): string {
  const t = TEXT[lang];
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(t.title)}</title><style>${STYLE}</style></head><body><div class="banner" role="alert">TEST · ${escape(t.test)}</div><header>CMI · 3-D Secure</header><main>${body}</main>${script}</body></html>`;
}

function summary(lang: Lang, session: Session): string {
  const t = TEXT[lang];
  return `<dl><dt>${escape(t.merchant)}</dt><dd>${escape(session.fields.shopurl ?? session.fields.clientid ?? '')}</dd><dt>${escape(t.order)}</dt><dd>${escape(session.fields.oid ?? '')}</dd><dt>${escape(t.amount)}</dt><dd class="amount" dir="ltr">${escape(cmiAmount(session.amount))} MAD</dd></dl>`;
}

const langOf = (fields: Record<string, string>): Lang => (fields.lang === 'ar' || fields.lang === 'en' ? fields.lang : 'fr');

/** What CMI checks of the merchant's form before it shows its page: the first problem, or undefined. */
function formProblem(fields: Record<string, string>, secrets: CmiSecrets): string | undefined {
  if (fields.clientid !== secrets.clientId) return 'clientid is not a merchant of this gateway';
  if (fields.storetype !== CMI_STORE_TYPE) return `storetype must be ${CMI_STORE_TYPE}`;
  if (fields.hashAlgorithm !== CMI_HASH_ALGORITHM) return `hashAlgorithm must be ${CMI_HASH_ALGORITHM}`;
  if (fields.currency !== CMI_CURRENCY_MAD) return `currency must be ${CMI_CURRENCY_MAD} (MAD)`;
  if (!/^(PreAuth|Auth)$/.test(fields.TranType ?? '')) return 'TranType must be PreAuth or Auth';
  if (parseCmiAmount(fields.amount) === undefined) return 'amount is not an amount';
  for (const name of ['oid', 'okUrl', 'failUrl', 'callbackUrl', 'rnd']) if (!fields[name]) return `${name} is missing`;
  if (!hasValidCmiHash(fields, secrets.storeKey)) return 'HASH does not match (hash version 3 with the store key)';
  return undefined;
}

const readBody = (req: IncomingMessage, limit = 64 * 1024) =>
  new Promise<string>((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const xmlTag = (xml: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'i').exec(xml)?.[1]?.trim() ?? '';

export async function startCmiTestGateway(options: { port: number; secrets?: CmiSecrets; log?: (line: string) => void }): Promise<CmiTestGateway> {
  const secrets = options.secrets ?? LOCAL_CMI_CREDENTIALS;
  const log = options.log ?? (() => {});
  const sessions = new Map<string, Session>();
  const transactions = new Map<string, CmiTransaction>();
  let url = '';

  const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  /** The callback CMI signs and POSTs to the merchant, its answer read: ACTION=POSTAUTH captures the PreAuth. */
  async function sendCallback(transaction: CmiTransaction, fields: Record<string, string>): Promise<string> {
    let status = 0;
    let answer = '';
    for (let attempt = 1; attempt <= 3 && status !== 200; attempt++) {
      try {
        const response = await fetch(fields.callbackUrl!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), signal: AbortSignal.timeout(15_000) });
        status = response.status;
        answer = (await response.text()).trim();
      } catch (error) {
        answer = `no answer: ${(error as Error).message}`;
      }
    }
    transaction.callbacks.push({ at: new Date().toISOString(), status, answer });
    if (status === 200 && answer === 'ACTION=POSTAUTH' && transaction.status === 'preauth' && fields.ProcReturnCode === '00') transaction.status = 'captured';
    log(`CMI test gateway: callback for ${transaction.oid} answered ${status} ${answer.slice(0, 40)}`);
    return answer;
  }

  /** The end of a payment: the signed callback, then the shopper's browser posted back to the merchant. */
  async function finish(res: ServerResponse, session: Session, result: { approved: boolean; reason?: string }): Promise<void> {
    session.done = true;
    const { HASH: _hash, ...request } = session.fields;
    const transId = `${Date.now().toString().slice(-8)}${randomInt(1000, 9999)}`;
    const fields: Record<string, string> = {
      ...request,
      Response: result.approved ? 'Approved' : 'Declined',
      ProcReturnCode: result.approved ? '00' : '05',
      mdStatus: result.reason === '3ds' ? '0' : '1',
      TransId: transId,
      AuthCode: result.approved ? String(randomInt(100000, 999999)) : '',
      HostRefNum: randomBytes(6).toString('hex'),
      ErrMsg: result.approved ? '' : result.reason === '3ds' ? '3-D Secure authentication failed' : 'Declined by the card issuer',
      maskedCreditCard: '4000 00** **** 0002',
      'EXTRA.TRXDATE': new Date().toISOString().replace(/[-:]/g, '').replace('T', ' ').slice(0, 17),
    };
    fields.HASH = cmiHash(fields, secrets.storeKey);
    const transaction: CmiTransaction = { oid: fields.oid!, amount: session.amount, status: result.approved ? 'preauth' : 'declined', transId, credited: 0, callbacks: [], api: [], lastCallback: fields };
    if (result.approved || !transactions.get(fields.oid!)) transactions.set(fields.oid!, transaction);
    await sendCallback(transaction, fields);
    const t = TEXT[langOf(fields)];
    const target = result.approved ? fields.okUrl! : fields.failUrl!;
    const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
    send(
      res,
      200,
      page(langOf(fields), `<h1>${escape(result.approved ? t.approved : t.declined)}</h1>${summary(langOf(fields), session)}<form id="back" class="actions" method="post" action="${escape(target)}">${inputs}<button class="pay" type="submit">${escape(t.back)}</button></form>`, `<script>document.getElementById('back').submit()</script>`),
    );
  }

  function api(xml: string): string {
    const answer = (response: 'Approved' | 'Error', fields: { code?: string; errMsg?: string; orderId?: string; transId?: string } = {}) =>
      `<?xml version="1.0" encoding="UTF-8"?><CC5Response><OrderId>${escape(fields.orderId ?? '')}</OrderId><Response>${response}</Response><ProcReturnCode>${fields.code ?? (response === 'Approved' ? '00' : '99')}</ProcReturnCode><TransId>${escape(fields.transId ?? '')}</TransId><ErrMsg>${escape(fields.errMsg ?? '')}</ErrMsg></CC5Response>`;
    if (xmlTag(xml, 'Name') !== secrets.apiUser || xmlTag(xml, 'Password') !== secrets.apiPassword || xmlTag(xml, 'ClientId') !== secrets.clientId) return answer('Error', { errMsg: 'Authentication failed' });
    const orderId = xmlTag(xml, 'OrderId');
    const type = xmlTag(xml, 'Type');
    const transaction = transactions.get(orderId);
    if (!transaction) return answer('Error', { orderId, errMsg: 'No such order' });
    const totalText = xmlTag(xml, 'Total');
    const total = totalText ? parseCmiAmount(totalText) : undefined;
    const done = (response: 'Approved' | 'Error', errMsg?: string) => {
      transaction.api.push({ at: new Date().toISOString(), type, ...(total !== undefined ? { total } : {}), response, ...(errMsg ? { errMsg } : {}) });
      log(`CMI test gateway: ${type} ${orderId} ${total !== undefined ? cmiAmount(total) : ''} → ${response} ${errMsg ?? ''}`);
      return answer(response, { orderId, transId: `${transaction.transId}-${transaction.api.length}`, ...(errMsg ? { errMsg } : {}) });
    };
    if (type === 'Void') {
      if (transaction.status !== 'preauth' && transaction.status !== 'captured') return done('Error', `Cannot void a ${transaction.status} transaction`);
      transaction.status = 'voided';
      return done('Approved');
    }
    if (type === 'PostAuth') {
      if (transaction.status !== 'preauth') return done('Error', `Cannot capture a ${transaction.status} transaction`);
      if (total !== undefined && total > transaction.amount) return done('Error', 'Total exceeds the authorization');
      transaction.status = 'captured';
      return done('Approved');
    }
    if (type === 'Credit') {
      if (transaction.status !== 'captured') return done('Error', `Cannot credit a ${transaction.status} transaction`);
      if (total === undefined || total <= 0 || transaction.credited + total > transaction.amount) return done('Error', 'Total is missing or exceeds what is left to credit');
      transaction.credited += total;
      return done('Approved');
    }
    return done('Error', `Unknown Type ${type.slice(0, 20)}`);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = req.method ?? 'GET';
      if (method === 'POST' && path === '/fim/est3Dgate') {
        const fields = parseCmiForm(await readBody(req));
        const problem = formProblem(fields, secrets);
        if (problem) {
          log(`CMI test gateway: refused a payment form: ${problem}`);
          return send(res, 400, page(langOf(fields), `<h1>Error</h1><p>${escape(problem)}</p>`));
        }
        const session: Session = { id: randomBytes(12).toString('hex'), fields, amount: parseCmiAmount(fields.amount)!, otp: String(randomInt(100000, 999999)) };
        sessions.set(session.id, session);
        return send(res, 303, '', 'text/plain', { location: `/pay/${session.id}` });
      }
      if (method === 'POST' && path === '/fim/api') {
        const body = await readBody(req);
        const xml = body.startsWith('DATA=') ? decodeURIComponent(body.slice(5).replace(/\+/g, ' ')) : body;
        return send(res, 200, api(xml), 'text/xml; charset=utf-8');
      }
      const devTransaction = /^\/dev\/transactions\/([^/]+)(\/callback)?$/.exec(path);
      if (devTransaction) {
        const transaction = transactions.get(decodeURIComponent(devTransaction[1]!));
        if (!transaction) return send(res, 404, '{"error":"no such order"}', 'application/json');
        if (devTransaction[2] && method === 'POST') return send(res, 200, JSON.stringify({ answer: await sendCallback(transaction, transaction.lastCallback!) }), 'application/json');
        const { lastCallback: _last, ...shown } = transaction;
        return send(res, 200, JSON.stringify(shown), 'application/json');
      }
      const step = /^\/pay\/([0-9a-f]{24})(\/3ds)?(\/(card|otp))?$/.exec(path);
      const session = step ? sessions.get(step[1]!) : undefined;
      if (!step || !session) return send(res, 404, 'not found', 'text/plain');
      const lang = langOf(session.fields);
      const t = TEXT[lang];
      if (session.done) return send(res, 410, page(lang, `<h1>${escape(t.title)}</h1><p>—</p>`));
      if (method === 'GET' && !step[2]) {
        return send(res, 200, page(lang, `<h1>${escape(t.title)}</h1>${summary(lang, session)}<form class="actions" method="post" action="/pay/${session.id}/card"><label for="card">${escape(t.card)}</label><input id="card" name="card" dir="ltr" inputmode="numeric" value="4000 0000 0000 0002" autocomplete="off"><button class="pay" type="submit" name="action" value="pay">${escape(t.pay)}</button><button class="decline" type="submit" name="action" value="decline">${escape(t.decline)}</button></form>`));
      }
      if (method === 'POST' && step[4] === 'card') {
        const action = new URLSearchParams(await readBody(req)).get('action');
        if (action === 'decline') return finish(res, session, { approved: false, reason: 'card' });
        return send(res, 303, '', 'text/plain', { location: `/pay/${session.id}/3ds` });
      }
      if (method === 'GET' && step[2] && !step[3]) {
        return send(res, 200, page(lang, `<h1>${escape(t.step)}</h1>${summary(lang, session)}<p>${escape(t.code)}: <span class="otp" data-testid="otp" dir="ltr">${session.otp}</span></p><form class="actions" method="post" action="/pay/${session.id}/3ds/otp"><label for="otp">${escape(t.enter)}</label><input id="otp" name="otp" dir="ltr" inputmode="numeric" autocomplete="one-time-code" maxlength="6"><button class="pay" type="submit">${escape(t.confirm)}</button></form>`));
      }
      if (method === 'POST' && step[4] === 'otp') {
        const otp = new URLSearchParams(await readBody(req)).get('otp')?.trim();
        return finish(res, session, otp === session.otp ? { approved: true } : { approved: false, reason: '3ds' });
      }
      return send(res, 405, 'method not allowed', 'text/plain');
    })().catch((error: unknown) => {
      log(`CMI test gateway: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, 'error', 'text/plain');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  url = `http://localhost:${typeof address === 'object' && address ? address.port : options.port}`;
  return {
    url,
    gatewayUrl: `${url}/fim/est3Dgate`,
    apiUrl: `${url}/fim/api`,
    transactions,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
