import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cc5Request,
  cmiAmount,
  cmiApiUrlOf,
  cmiEvent,
  cmiFormFields,
  cmiHash,
  cmiHashText,
  cmiLanguage,
  cmiProvider,
  hasValidCmiHash,
  naturalCompare,
  newCmiSessionId,
  orderOfCmiSession,
  parseCc5Response,
  parseCmiAmount,
  parseCmiForm,
} from './cmi.ts';
import { WebhookRejected } from './provider.ts';

/**
 * The reference: a literal transcription, separate from ours, of the PHP that CMI merchants run —
 * `generateHash()` of the PHP client class `CMI\BaseCmiClient` (cmi-payment-php), which is CMI's
 * "Generic Hash Request Handler" sample (the same lines as the bank sample kept in
 * mstgnz/gopay, provider/ziraat/ornek.php):
 *
 *     $postParams = array_keys($cmiParams); natcasesort($postParams);
 *     foreach ($postParams as $param) {
 *       $paramValue = trim($cmiParams[$param]);
 *       $escapedParamValue = str_replace("|", "\\|", str_replace("\\", "\\\\", $paramValue));
 *       $lowerParam = strtolower($param);
 *       if ($lowerParam != "hash" && $lowerParam != "encoding") $hashval = $hashval . $escapedParamValue . "|";
 *     }
 *     $escapedStoreKey = str_replace("|", "\\|", str_replace("\\", "\\\\", $storeKey));
 *     $hashval = $hashval . $escapedStoreKey;
 *     $hash = base64_encode(pack('H*', hash('sha512', $hashval)));
 *
 * natcasesort is stood in for by ICU's numeric, case-insensitive collation (not our
 * naturalCompare); pack('H*', hex) by Buffer.from(hex, 'hex').
 */
function referenceHash(cmiParams: Record<string, string>, storeKey: string): string {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const postParams = Object.keys(cmiParams).sort((a, b) => collator.compare(a, b));
  let hashval = '';
  for (const param of postParams) {
    const paramValue = cmiParams[param]!.trim();
    const escapedParamValue = paramValue.split('\\').join('\\\\').split('|').join('\\|');
    const lowerParam = param.toLowerCase();
    if (lowerParam !== 'hash' && lowerParam !== 'encoding') hashval = hashval + escapedParamValue + '|';
  }
  const escapedStoreKey = storeKey.split('\\').join('\\\\').split('|').join('\\|');
  hashval = hashval + escapedStoreKey;
  const calculatedHashValue = createHash('sha512').update(hashval, 'utf8').digest('hex');
  return Buffer.from(calculatedHashValue, 'hex').toString('base64');
}

const STORE_KEY = 'Dakhla|Test\\StoreKey7';
const BASE = 'https://shop.example.ma';
const SESSION = 'ord-olwdvq282yenvda4-3sx1exe744cc';
const REQUEST = {
  clientid: '600001234',
  storetype: '3D_PAY_HOSTING',
  TranType: 'PreAuth',
  amount: '185.00',
  currency: '504',
  oid: SESSION,
  okUrl: `${BASE}/api/payments/cmi/${SESSION}/return/ok`,
  failUrl: `${BASE}/api/payments/cmi/${SESSION}/return/fail`,
  callbackUrl: `${BASE}/api/payments/cmi/callback`,
  shopurl: BASE,
  lang: 'ar',
  rnd: 'DYvXbRNDxvXeUPDU4Uga',
  hashAlgorithm: 'ver3',
  encoding: 'UTF-8',
  email: 'amal@example.ma',
  BillToName: 'Amal | Idrissi \\ Tazi',
  refreshtime: '5',
};

describe('the CMI hash (version 3)', () => {
  it('is what the PHP merchants run computes, for the request and for a callback with CMI\'s own fields', () => {
    expect(cmiHash(REQUEST, STORE_KEY)).toBe(referenceHash(REQUEST, STORE_KEY));
    const callback = { ...REQUEST, Response: 'Approved', ProcReturnCode: '00', mdStatus: '1', TransId: '24011510201234', AuthCode: '123456', HostRefNum: 'ab12cd34ef56', ErrMsg: '', 'EXTRA.TRXDATE': '20240115 10:20:30', maskedCreditCard: '4000 00** **** 0002', HASH: 'ignored' };
    expect(cmiHash(callback, STORE_KEY)).toBe(referenceHash(callback, STORE_KEY));
    for (const key of ['TEST1234', 'a\\|b', '||\\\\']) expect(cmiHash({ ...REQUEST, BillToName: `x${key}y` }, key)).toBe(referenceHash({ ...REQUEST, BillToName: `x${key}y` }, key));
  });

  it('matches a vector computed outside JavaScript (Python: natural sort, the same escaping, hashlib.sha512)', () => {
    // python3: sorted(fields, key=natural, case-folded); "|".join(escaped values) + "|" + escaped key; b64encode(sha512(...).digest())
    expect(cmiHash(REQUEST, STORE_KEY)).toBe('o0uNopQ2JjD3mrcOF3q1xMQG1JrRBFgvxXqwf7ERoGhaEZt5xsxnLXveMNmYK+IdfKByVMFe+nXu6a2I9pTVrg==');
  });

  it('orders names naturally and without case, leaves out hash and encoding, escapes \\ and | in values and the key', () => {
    expect(['b10', 'B2', 'a', 'TranType', 'amount', 'BillToName'].sort(naturalCompare)).toEqual(['a', 'amount', 'B2', 'b10', 'BillToName', 'TranType']);
    expect(naturalCompare('x01', 'x1')).toBe(0);
    expect(cmiHashText({ b: 'y|z', A: 'w\\', HASH: 'h', encoding: 'UTF-8' }, 'k|\\')).toBe('w\\\\|y\\|z|k\\|\\\\');
  });

  it('checks a HASH with any case of its name, and refuses a changed field, another key or a malformed one', () => {
    const signed = { ...REQUEST, HASH: cmiHash(REQUEST, STORE_KEY) };
    expect(hasValidCmiHash(signed, STORE_KEY)).toBe(true);
    expect(hasValidCmiHash({ ...REQUEST, hash: signed.HASH }, STORE_KEY)).toBe(true);
    expect(hasValidCmiHash({ ...signed, amount: '1.00' }, STORE_KEY)).toBe(false);
    expect(hasValidCmiHash(signed, 'another key')).toBe(false);
    expect(hasValidCmiHash({ ...signed, HASH: 'short' }, STORE_KEY)).toBe(false);
    expect(hasValidCmiHash(REQUEST, STORE_KEY)).toBe(false);
  });
});

describe('amounts, languages, sessions', () => {
  it('writes integer centimes with two decimals and reads them back without floats', () => {
    expect([0, 5, 100, 18500, 123456789].map(cmiAmount)).toEqual(['0.00', '0.05', '1.00', '185.00', '1234567.89']);
    expect(() => cmiAmount(1.5)).toThrow(/whole centimes/);
    expect(() => cmiAmount(-1)).toThrow();
    expect(['185.00', '185.5', '185', '185,05', ' 0.07 '].map(parseCmiAmount)).toEqual([18500, 18550, 18500, 18505, 7]);
    expect(['', '1.005', '-1', '1e3', 'abc', '1.2.3'].map(parseCmiAmount)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('sends ar, fr and en as they are, Spanish as English, and French by default', () => {
    expect((['ar', 'fr', 'en', 'es', undefined] as const).map(cmiLanguage)).toEqual(['ar', 'fr', 'en', 'en', 'fr']);
  });

  it('makes a session id (the oid) that names its order and is not the order id alone', () => {
    const id = newCmiSessionId('ord-olwdvq282yenvda4');
    expect(id).toMatch(/^ord-olwdvq282yenvda4-[a-z0-9]{12}$/);
    expect(orderOfCmiSession(id)).toBe('ord-olwdvq282yenvda4');
    expect(orderOfCmiSession('ord-olwdvq282yenvda4')).toBeUndefined();
    expect(newCmiSessionId('ord-olwdvq282yenvda4')).not.toBe(id);
    expect(cmiApiUrlOf('https://testpayment.cmi.co.ma/fim/est3Dgate')).toBe('https://testpayment.cmi.co.ma/fim/api');
  });
});

describe('the signed form', () => {
  const fields = cmiFormFields({ sessionId: SESSION, amount: 18500, customer: { email: ' amal@example.ma ', name: 'Amal | Idrissi \\ Tazi', locale: 'ar' }, clientId: '600001234', storeKey: STORE_KEY, baseUrl: BASE, rnd: 'DYvXbRNDxvXeUPDU4Uga' });

  it('holds what CMI wants for a hosted 3-D Secure PreAuth in MAD, with the store\'s return and callback URLs', () => {
    const { HASH, ...rest } = fields;
    expect(rest).toEqual(REQUEST);
    expect(HASH).toBe(referenceHash(REQUEST, STORE_KEY));
  });
});

describe('the callback', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const signed = (extra: Record<string, string>) => {
    const { encoding: _e, ...request } = REQUEST;
    const fields = { ...request, encoding: 'UTF-8', ...extra };
    return { ...fields, HASH: cmiHash(fields, STORE_KEY) };
  };
  const approved = signed({ Response: 'Approved', ProcReturnCode: '00', TransId: '24011510201234', AuthCode: '123456' });

  it('reads an approval as payment.succeeded with CMI\'s TransId, held only (a PreAuth)', () => {
    expect(cmiEvent(approved, STORE_KEY, '600001234', now)).toEqual({
      id: `cmi_${SESSION}_24011510201234_approved`,
      type: 'payment.succeeded',
      sessionId: SESSION,
      orderId: 'ord-olwdvq282yenvda4',
      amount: 18500,
      at: now.toISOString(),
      paymentId: '24011510201234',
      heldOnly: true,
    });
  });

  it('reads anything but ProcReturnCode 00 with Response Approved as payment.failed', () => {
    for (const extra of [{ Response: 'Declined', ProcReturnCode: '05' }, { Response: 'Approved', ProcReturnCode: '99' }, { Response: 'Error', ProcReturnCode: '00' }]) {
      const event = cmiEvent(signed({ ...extra, TransId: '1' }), STORE_KEY, '600001234', now);
      expect(event.type).toBe('payment.failed');
      expect(event.paymentId).toBeUndefined();
    }
  });

  it('refuses (WebhookRejected, 400) a missing or wrong HASH, another merchant, an oid that is not a session, another currency, no amount', () => {
    const rejected = (fields: Record<string, string>, problem: RegExp) => {
      let error: unknown;
      try {
        cmiEvent(fields, STORE_KEY, '600001234', now);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WebhookRejected);
      expect((error as Error).message).toMatch(problem);
      expect((error as WebhookRejected).statusCode).toBe(400);
    };
    const { HASH: _h, ...unsigned } = approved;
    rejected(unsigned, /no HASH/);
    rejected({ ...approved, amount: '1.00' }, /does not match/);
    rejected(signed({ Response: 'Approved', ProcReturnCode: '00', clientid: '999' }), /clientid/);
    rejected(signed({ Response: 'Approved', ProcReturnCode: '00', oid: 'ord-1' }), /not a CMI session/);
    rejected(signed({ Response: 'Approved', ProcReturnCode: '00', currency: '978' }), /not MAD/);
    rejected(signed({ Response: 'Approved', ProcReturnCode: '00', amount: 'ten' }), /amount/);
  });

  it('parses the form body, dropping a value\'s one trailing newline as CMI\'s samples do', () => {
    expect(parseCmiForm('amount=185.00&BillToName=Amal+%7C+I&ErrMsg=x%0A')).toEqual({ amount: '185.00', BillToName: 'Amal | I', ErrMsg: 'x' });
  });
});

describe('the merchant API (CC5Request)', () => {
  const secrets = { clientId: '600001234', storeKey: STORE_KEY, apiUser: 'api<user>', apiPassword: 'p&ss' };

  it('asks for a Void by order, a Credit and a PostAuth with the total in MAD; escapes XML', () => {
    expect(cc5Request('Void', { secrets, orderId: SESSION })).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><CC5Request><Name>api&#60;user&#62;</Name><Password>p&#38;ss</Password><ClientId>600001234</ClientId><Type>Void</Type><OrderId>${SESSION}</OrderId></CC5Request>`,
    );
    expect(cc5Request('Credit', { secrets, orderId: SESSION, amount: 4550 })).toContain('<Type>Credit</Type><OrderId>' + SESSION + '</OrderId><Total>45.50</Total><Currency>504</Currency>');
  });

  it('reads a CC5Response', () => {
    expect(parseCc5Response('<CC5Response><OrderId>o</OrderId><Response>Error</Response><ProcReturnCode>99</ProcReturnCode><ErrMsg>No &amp; such</ErrMsg><TransId>t1</TransId></CC5Response>')).toEqual({ response: 'Error', procReturnCode: '99', errMsg: 'No & such', transId: 't1' });
  });

  it('voids and credits through the API, throws on a refusal, and voids nothing when no payment was accepted', async () => {
    const calls: string[] = [];
    let reply = '<CC5Response><Response>Approved</Response><ProcReturnCode>00</ProcReturnCode><TransId>T9</TransId></CC5Response>';
    const provider = cmiProvider({
      secrets: async () => secrets,
      gatewayUrl: () => 'https://testpayment.cmi.co.ma/fim/est3Dgate',
      apiUrl: () => 'https://testpayment.cmi.co.ma/fim/api',
      baseUrl: () => BASE,
      fetch: (async (url: string, init: RequestInit) => {
        calls.push(`${url} ${String(init.body)}`);
        return new Response(reply, { status: 200 });
      }) as typeof fetch,
    });
    expect(provider.capturesOnAuthorization).toBe(true);
    expect(await provider.void({ sessionId: SESSION }, 'k1')).toEqual({ id: 'cmi_void_none_k1' });
    expect(calls).toEqual([]);
    expect(await provider.void({ sessionId: SESSION, paymentId: '24011510201234' }, 'k2')).toEqual({ id: 'cmi_void_T9' });
    expect(await provider.refund({ sessionId: SESSION, paymentId: '24011510201234' }, 1250, 'k3')).toEqual({ id: 'cmi_credit_T9' });
    expect(calls).toEqual([expect.stringMatching(/fim\/api .*<Type>Void<\/Type>/), expect.stringMatching(/<Type>Credit<\/Type>.*<Total>12.50<\/Total>/)]);
    reply = '<CC5Response><Response>Error</Response><ProcReturnCode>99</ProcReturnCode><ErrMsg>Cannot credit</ErrMsg></CC5Response>';
    await expect(provider.refund({ sessionId: SESSION, paymentId: 'x' }, 100, 'k4')).rejects.toThrow(/Credit .* refused: Error 99 Cannot credit/);
    const session = await provider.createSession({ id: 'ord-olwdvq282yenvda4', totals: { total: 100 }, currency: 'MAD', customer: { email: 'a@b.ma', name: 'A' } }, { returnUrl: `${BASE}/orders/x` });
    expect(session.redirectUrl).toBe(`${BASE}/api/payments/cmi/${session.sessionId}`);
    expect(orderOfCmiSession(session.sessionId)).toBe('ord-olwdvq282yenvda4');
  });
});
