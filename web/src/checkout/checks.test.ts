import { describe, expect, it } from 'vitest';
import { checkoutBody } from '../../../shared/api/orders.ts';
import { consentOf, customerOf, fieldOfPath, firstError, newIdempotencyKey, normalisePhone, validate, type CheckoutForm } from './checks.ts';
import { IDEMPOTENCY_KEY } from '../orders/constants.ts';
import { countryOptions } from './countries.ts';

const form = (over: Partial<CheckoutForm> = {}): CheckoutForm => ({
  name: 'Aïcha Bent Ahmed',
  email: 'aicha@example.ma',
  phone: '06 12 34 56 78',
  line1: 'Avenue Mohammed V, 12',
  line2: '',
  city: 'Dakhla',
  region: '',
  postalCode: '',
  country: 'MA',
  payment: 'cod',
  terms: true,
  withdrawal: false,
  ...over,
});

describe('normalisePhone', () => {
  it('turns Moroccan national numbers into +212', () => {
    expect(normalisePhone('06 12 34 56 78', 'MA')).toBe('+212612345678');
    expect(normalisePhone('07-12-34-56-78', 'MA')).toBe('+212712345678');
    expect(normalisePhone('٠٦١٢٣٤٥٦٧٨', 'MA')).toBe('+212612345678');
    expect(normalisePhone('00212 6 12 34 56 78', 'MA')).toBe('+212612345678');
    expect(normalisePhone('+212 (0)6 12 34 56 78', 'MA')).toBe('+212612345678');
    expect(normalisePhone('212612345678', 'MA')).toBe('+212612345678');
    expect(normalisePhone('0528 12 34 56', 'MA')).toBe('+212528123456');
  });

  it('uses the delivery country abroad', () => {
    expect(normalisePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(normalisePhone('612 345 678', 'ES')).toBe('+34612345678');
    expect(normalisePhone('+44 7700 900123', 'FR')).toBe('+447700900123');
    expect(normalisePhone('(202) 555-0142', 'US')).toBe('+12025550142');
    expect(normalisePhone('', 'MA')).toBe('');
  });
});

describe('validate', () => {
  it('accepts a Moroccan cash-on-delivery order and builds a body the API accepts', () => {
    expect(validate(form())).toEqual({});
    const body = { lines: [{ productId: 'prd-lth-tea-pouch', sku: 'LTH-POUCH-NAT', quantity: 1 }], customer: customerOf(form()), payment: 'cod', ...consentOf(form()) };
    expect(checkoutBody.safeParse(body).success).toBe(true);
  });

  it('accepts an order abroad with no postal code and a card', () => {
    const abroad = form({ country: 'ES', phone: '612345678', city: 'Madrid', payment: 'card', withdrawal: true });
    expect(validate(abroad)).toEqual({});
    expect(checkoutBody.safeParse({ lines: [{ productId: 'prd-1234567', sku: 'ABC', quantity: 1 }], customer: customerOf(abroad), payment: 'card', ...consentOf(abroad) }).success).toBe(true);
  });

  it('asks for the terms, and abroad for the withdrawal notice, as the API does', () => {
    expect(validate(form({ terms: false }))).toEqual({ terms: 'terms' });
    const abroad = form({ country: 'ES', phone: '612345678', city: 'Madrid', payment: 'card' });
    expect(validate(abroad)).toEqual({ withdrawal: 'withdrawal' });
    const body = { lines: [{ productId: 'prd-1234567', sku: 'ABC', quantity: 1 }], customer: customerOf(abroad), payment: 'card' };
    expect(checkoutBody.safeParse({ ...body, termsAccepted: true }).error?.issues.map((i) => i.path.join('.'))).toEqual(['withdrawalAcknowledged']);
    expect(checkoutBody.safeParse(body).error?.issues.map((i) => i.path.join('.'))).toContain('termsAccepted');
    expect(fieldOfPath('termsAccepted')).toBe('terms');
    expect(fieldOfPath('withdrawalAcknowledged')).toBe('withdrawal');
  });

  it('names each wrong field, in form order', () => {
    const errors = validate(form({ name: 'A', email: 'x@', phone: '+33612345678', line1: '', city: ' ', payment: '' }));
    expect(errors).toEqual({ name: 'name', email: 'email', phone: 'phoneMa', line1: 'required', city: 'required', payment: 'payment' });
    expect(firstError(errors)).toBe('name');
    expect(validate(form({ country: 'FR', phone: '0612345678', payment: 'cod' })).payment).toBe('cod');
  });

  it('maps API field paths to fields', () => {
    expect(fieldOfPath('customer.phone')).toBe('phone');
    expect(fieldOfPath('customer.address.postalCode')).toBe('postalCode');
    expect(fieldOfPath('payment')).toBe('payment');
    expect(fieldOfPath('lines.prd-1.SKU')).toBeUndefined();
  });

  it('makes keys the API accepts', () => {
    expect(IDEMPOTENCY_KEY.test(newIdempotencyKey())).toBe(true);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('lists Morocco first', () => {
    expect(countryOptions('fr')[0]).toEqual(['MA', 'Maroc']);
    expect(countryOptions('ar')[0]![0]).toBe('MA');
  });
});
