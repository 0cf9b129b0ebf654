import { CITIES } from '../../../shared/domain/cities.ts';
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Quote } from '../../../shared/api/orders.ts';
import { ApiRequestError } from '../api.ts';
import { clearCart, useCart } from '../cart/cart.ts';
import { Text } from '../components/Text.tsx';
import { formatMad, formatNumber } from '../format.ts';
import { useTitle } from '../hooks.ts';
import { navigate, paths } from '../router.ts';
import { ordersApi, type OrderRequest } from './api.ts';
import { Totals } from './CartPage.tsx';
import { consentOf, customerOf, fieldOfPath, firstError, newIdempotencyKey, normalisePhone, validate, type CheckoutForm, type FieldName, type FormErrors } from './checks.ts';
import { countryOptions } from './countries.ts';
import { loadDestination, saveDestination } from './destination.ts';
import { useT, type ShopperKey } from './i18n/index.ts';
import { rememberOrder } from './recent.ts';
import { byShop, Field, inputValue, ProblemNote, problemOf, useQuote } from './ui.tsx';

const FORM_KEY = 'dm.checkout-form';
const ATTEMPT_KEY = 'dm.checkout-attempt';

/** What the shopper typed, kept for this visit (not the payment choice). */
function loadForm(): CheckoutForm {
  const destination = loadDestination();
  const empty: CheckoutForm = { name: '', email: '', phone: '', line1: '', line2: '', city: destination.city, region: '', postalCode: '', country: destination.country, payment: '', terms: false, withdrawal: false };
  try {
    const saved = JSON.parse(sessionStorage.getItem(FORM_KEY) ?? 'null') as Partial<CheckoutForm> | null;
    // The payment choice and the consent boxes are asked again on each visit.
    return saved ? { ...empty, ...saved, country: destination.country, city: saved.city || destination.city, payment: '', terms: false, withdrawal: false } : empty;
  } catch {
    return empty;
  }
}

/** One Idempotency-Key per checkout attempt: the same request sent again (after a network error) reuses it. */
function keyFor(body: string): string {
  try {
    const attempt = JSON.parse(sessionStorage.getItem(ATTEMPT_KEY) ?? 'null') as { key: string; body: string } | null;
    if (attempt?.body === body && attempt.key) return attempt.key;
    const key = newIdempotencyKey();
    sessionStorage.setItem(ATTEMPT_KEY, JSON.stringify({ key, body }));
    return key;
  } catch {
    return (memoryAttempt = memoryAttempt?.body === body ? memoryAttempt : { key: newIdempotencyKey(), body }).key;
  }
}
let memoryAttempt: { key: string; body: string } | undefined;
const forgetAttempt = () => {
  memoryAttempt = undefined;
  try {
    sessionStorage.removeItem(ATTEMPT_KEY);
  } catch {
    // storage disabled
  }
};

const ERROR_KEYS: Record<string, ShopperKey> = {
  required: 'err.required',
  name: 'err.name',
  email: 'err.email',
  phoneMa: 'err.phoneMa',
  phoneIntl: 'err.phoneIntl',
  line1: 'err.line1',
  postalCode: 'err.postalCode',
  cod: 'err.cod',
  payment: 'err.payment',
  terms: 'err.terms',
  withdrawal: 'err.withdrawal',
};

/** Guest checkout: contact, address, payment, summary; placed once, whatever the network does. */
export function CheckoutPage(): JSX.Element {
  const { t, locale } = useT();
  useTitle(t('checkout.title'));
  const lines = useCart();
  const [form, setForm] = useState<CheckoutForm>(loadForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState('');
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ field?: FieldName | 'form'; n: number }>({ n: 0 });
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const quote = useQuote(lines, { country: form.country, city: form.city }, 500);
  const current: Quote | undefined = quote.status === 'ok' ? quote.quote : quote.last;
  const problems = current?.problems.filter((p) => lines.some((l) => l.productId === p.productId && l.sku === p.sku)) ?? [];
  const groups = byShop(lines);
  const morocco = form.country === 'MA';

  useEffect(() => {
    const { payment: _p, terms: _t, withdrawal: _w, ...rest } = form;
    try {
      sessionStorage.setItem(FORM_KEY, JSON.stringify(rest));
    } catch {
      // storage disabled
    }
    saveDestination({ country: form.country, city: form.city });
  }, [form]);

  // Cash on delivery is only for Morocco: abroad, the card is the only choice.
  useEffect(() => {
    if (!morocco && form.payment !== 'card') setForm((f) => ({ ...f, payment: 'card' }));
  }, [morocco]);

  // Focus moves to the first wrong field (or the form's message) after each failed submit.
  useEffect(() => {
    if (!focusTarget.n) return;
    if (focusTarget.field === 'form') errorRef.current?.focus();
    else if (focusTarget.field) formRef.current?.querySelector<HTMLElement>(`[data-field="${focusTarget.field}"]`)?.focus();
  }, [focusTarget]);

  const tick = (field: 'terms' | 'withdrawal') => (event: Event) => {
    const checked = (event.currentTarget as HTMLInputElement).checked;
    setForm((f) => ({ ...f, [field]: checked }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const set = (field: keyof CheckoutForm) => (event: Event) => {
    const value = inputValue(event);
    setForm((f) => ({ ...f, [field]: value }));
    if (errors[field as FieldName]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const message = (field: FieldName) => {
    const code = errors[field];
    if (!code) return undefined;
    return ERROR_KEYS[code] ? t(ERROR_KEYS[code]!) : code;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current) return;
    setFormError('');
    setLineErrors({});
    const found = validate(form);
    if (Object.keys(found).length) {
      setErrors(found);
      setFocusTarget((f) => ({ field: firstError(found), n: f.n + 1 }));
      return;
    }
    // Known problems stop here; a price still loading does not: the API prices the order again itself.
    if (problems.length) {
      setFormError(t('cart.fixProblems'));
      setFocusTarget((f) => ({ field: 'form', n: f.n + 1 }));
      return;
    }
    const customer = customerOf(form);
    setForm((f) => ({ ...f, phone: customer.phone }));
    const body: OrderRequest = {
      lines: lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: l.quantity })),
      customer: { ...customer, locale },
      payment: form.payment as 'card' | 'cod',
      ...consentOf(form),
    };
    const key = keyFor(JSON.stringify(body));
    busy.current = true;
    setSubmitting(true);
    try {
      const { data } = await ordersApi.place(body, key);
      forgetAttempt();
      rememberOrder(data.order.id, data.guestToken);
      const redirect = data.payment?.redirectUrl;
      if (redirect) sessionStorage.setItem(`dm.pay.${data.order.id}`, redirect);
      clearCart();
      try {
        sessionStorage.removeItem(FORM_KEY);
      } catch {
        // storage disabled
      }
      if (data.order.payment.method === 'card' && redirect) {
        location.assign(redirect);
        return;
      }
      navigate(paths.order(data.order.id, data.guestToken, { placed: '1' }));
    } catch (error) {
      busy.current = false;
      setSubmitting(false);
      failed(error);
    }
  };

  const failed = (error: unknown) => {
    if (!(error instanceof ApiRequestError)) {
      setFormError(t('err.generic'));
    } else if (error.isNetwork) {
      // Perhaps placed, perhaps not: the same key makes pressing again safe.
      setFormError(t('err.network'));
    } else if (error.status === 409) {
      const byLine: Record<string, string> = {};
      for (const [path, why] of Object.entries(error.fields ?? {})) byLine[path.replace(/^lines\./, '')] = why;
      setLineErrors(byLine);
      setFormError(t('err.cartChanged'));
      forgetAttempt();
      quote.refresh();
    } else if (error.status === 422) {
      forgetAttempt();
      setFormError(t('err.retry'));
    } else if (error.status === 429) {
      // The per-client limits (shared/domain/client-limits.ts): nothing was placed; the same key may try again later.
      setFormError(error.code === 'too_many_open_orders' ? t('err.openOrders') : t('err.tooMany', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) }));
    } else if (error.status === 400 && error.fields) {
      const next: FormErrors = {};
      const other: string[] = [];
      for (const [path, why] of Object.entries(error.fields)) {
        const field = fieldOfPath(path);
        if (field) next[field] = serverMessage(field, why, form.country);
        else other.push(`${path}: ${why}`);
      }
      setErrors(next);
      setFormError(other.length ? `${t('err.fix')} (${other.join('; ')})` : t('err.fix'));
      setFocusTarget((f) => ({ field: firstError(next) ?? 'form', n: f.n + 1 }));
      return;
    } else {
      setFormError(error.status >= 500 ? t('err.server') : `${t('err.generic')} (${error.message})`);
    }
    setFocusTarget((f) => ({ field: 'form', n: f.n + 1 }));
  };

  /** The API says why in English: our own words when we know the case. */
  const serverMessage = (field: FieldName, why: string, country: string): string => {
    if (field === 'phone') return t(country === 'MA' ? 'err.phoneMa' : 'err.phoneIntl');
    if (field === 'payment') return t('err.cod');
    if (field === 'email') return t('err.email');
    if (field === 'terms' || field === 'withdrawal') return t(`err.${field}`);
    if (/plain text|control characters|direction-override|one line|valid Unicode/.test(why)) return t('err.plainText');
    return `${t('err.invalid')} (${why})`;
  };

  if (!lines.length && !submitting) {
    return (
      <section class="section narrow-wide">
        <h1>{t('checkout.title')}</h1>
        <div class="empty">
          <p>{t('cart.empty')}</p>
          <a class="button" href={paths.home()}>
            {t('cart.browse')}
          </a>
        </div>
      </section>
    );
  }

  const phonePreview = normalisePhone(form.phone, form.country);
  const total = current ? formatMad(current.totals.total, locale) : '';

  return (
    <section class="section checkout-page" aria-labelledby="checkout-title">
      <p class="back-link">
        <a href={paths.cart()}>{t('checkout.backToCart')}</a>
      </p>
      <h1 id="checkout-title">{t('checkout.title')}</h1>
      <p class="lead">{t('checkout.guest')}</p>
      <form ref={formRef} class="checkout-layout" noValidate onSubmit={submit} aria-describedby={formError ? 'form-error' : undefined}>
        <div class="checkout-main">
          <p id="form-error" ref={errorRef} tabIndex={-1} class={formError ? 'form-error' : 'notice'} role="alert">
            {formError}
          </p>
          <fieldset class="form-card">
            <legend>{t('checkout.contact')}</legend>
            <Field id="name" label={t('field.name')} error={message('name')}>
              {(aria) => <input id="name" data-field="name" type="text" autocomplete="name" maxLength={120} value={form.name} onInput={set('name')} {...aria} />}
            </Field>
            <Field id="email" label={t('field.email')} hint={t('field.emailHint')} error={message('email')}>
              {(aria) => <input id="email" data-field="email" type="email" dir="ltr" inputMode="email" autocomplete="email" maxLength={254} value={form.email} onInput={set('email')} {...aria} />}
            </Field>
            <Field id="phone" label={t('field.phone')} hint={morocco ? t('field.phoneHintMa') : t('field.phoneHint')} error={message('phone')}>
              {(aria) => (
                <input
                  id="phone"
                  data-field="phone"
                  type="tel"
                  inputMode="tel"
                  autocomplete="tel"
                  dir="ltr"
                  maxLength={25}
                  value={form.phone}
                  onInput={set('phone')}
                  onBlur={() => phonePreview && !validate({ ...form }).phone && setForm((f) => ({ ...f, phone: phonePreview }))}
                  {...aria}
                />
              )}
            </Field>
          </fieldset>

          <fieldset class="form-card">
            <legend>{t('checkout.address')}</legend>
            <Field id="country" label={t('field.country')} error={message('country')}>
              {(aria) => (
                <select id="country" data-field="country" autocomplete="country" value={form.country} onChange={set('country')} {...aria}>
                  {countries.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="line1" label={t('field.line1')} hint={morocco ? t('field.line1HintMa') : undefined} error={message('line1')}>
              {(aria) => <input id="line1" data-field="line1" type="text" autocomplete="address-line1" maxLength={200} value={form.line1} onInput={set('line1')} {...aria} />}
            </Field>
            <Field id="line2" label={t('field.line2')} optional error={message('line2')}>
              {(aria) => <input id="line2" data-field="line2" type="text" autocomplete="address-line2" maxLength={200} value={form.line2} onInput={set('line2')} {...aria} />}
            </Field>
            <div class="form-row two">
              <Field id="city" label={t('field.city')} error={message('city')}>
                {(aria) => (
                  <>
                    <input id="city" data-field="city" type="text" autocomplete="address-level2" maxLength={80} value={form.city} onInput={set('city')} list={form.country === 'MA' ? 'ma-cities' : undefined} {...aria} />
                    {form.country === 'MA' && (
                      <datalist id="ma-cities">
                        {CITIES.map((c) => (
                          <option key={c.id} value={c.names[locale]} />
                        ))}
                      </datalist>
                    )}
                  </>
                )}
              </Field>
              <Field id="postalCode" label={t('field.postalCode')} optional error={message('postalCode')}>
                {(aria) => <input id="postalCode" data-field="postalCode" type="text" autocomplete="postal-code" dir="ltr" maxLength={20} value={form.postalCode} onInput={set('postalCode')} {...aria} />}
              </Field>
            </div>
            <Field id="region" label={morocco ? t('field.regionMa') : t('field.region')} optional error={message('region')}>
              {(aria) => <input id="region" data-field="region" type="text" autocomplete="address-level1" maxLength={80} value={form.region} onInput={set('region')} {...aria} />}
            </Field>
          </fieldset>

          <fieldset class="form-card" aria-describedby={errors.payment ? 'payment-error' : 'payment-hint'}>
            <legend>{t('checkout.payment')}</legend>
            <p class="hint" id="payment-hint">
              {morocco ? t('pay.codHint') : t('pay.cardOnlyAbroad')}
            </p>
            <div class="choice-group">
              {morocco && (
                <label class="choice">
                  <input type="radio" name="payment" value="cod" data-field="payment" checked={form.payment === 'cod'} onChange={set('payment')} aria-invalid={Boolean(errors.payment)} />
                  <span>
                    <strong>{t('pay.cod')}</strong>
                    <small>{t('pay.codText')}</small>
                  </span>
                </label>
              )}
              <label class="choice">
                <input type="radio" name="payment" value="card" data-field={morocco ? undefined : 'payment'} checked={form.payment === 'card'} onChange={set('payment')} aria-invalid={Boolean(errors.payment)} />
                <span>
                  <strong>{t('pay.card')}</strong>
                  <small>{t('pay.cardText')}</small>
                </span>
              </label>
            </div>
            {errors.payment && (
              <p class="field-error" id="payment-error">
                {message('payment')}
              </p>
            )}
          </fieldset>

          <fieldset class="form-card consent-card">
            <legend>{t('checkout.consent')}</legend>
            <Consent field="terms" checked={form.terms} onChange={tick('terms')} label={t('consent.terms')} error={message('terms')}>
              <a href={paths.info('terms')} target="_blank" rel="noopener">
                {t('consent.readTerms')} <span class="visually-hidden">{t('consent.newTab')}</span>
              </a>
              {' · '}
              <a href={paths.info('privacy')} target="_blank" rel="noopener">
                {t('consent.readPrivacy')} <span class="visually-hidden">{t('consent.newTab')}</span>
              </a>
            </Consent>
            {!morocco && (
              <Consent field="withdrawal" checked={form.withdrawal} onChange={tick('withdrawal')} label={t('consent.withdrawal')} error={message('withdrawal')}>
                <a href={paths.info('returns')} target="_blank" rel="noopener">
                  {t('consent.readReturns')} <span class="visually-hidden">{t('consent.newTab')}</span>
                </a>
              </Consent>
            )}
          </fieldset>
        </div>

        <aside class="checkout-side" aria-labelledby="summary-title">
          <div class="summary-card">
            <h2 id="summary-title">{t('sum.title')}</h2>
            {groups.map((group, index) => {
              const shopQuote = current?.shops.find((s) => s.shopId === group.shopId);
              return (
                <div class="summary-parcel" key={group.shopId}>
                  <p class="parcel-kicker">
                    {t('cart.parcel', { n: formatNumber(index + 1, locale), total: formatNumber(groups.length, locale) })} · <Text value={group.shopName} />
                  </p>
                  <ul class="summary-lines" role="list">
                    {group.lines.map((line) => {
                      const problem = problemOf(current, line);
                      const serverSays = lineErrors[`${line.productId}.${line.sku}`];
                      return (
                        <li key={`${line.productId}/${line.sku}`}>
                          <span>
                            {formatNumber(line.quantity, locale)} × <Text value={line.title} /> · <Text value={line.label} />
                          </span>
                          {problem && <ProblemNote problem={problem} />}
                          {!problem && serverSays && <p class="problem">{serverSays}</p>}
                        </li>
                      );
                    })}
                  </ul>
                  {shopQuote && <p class="summary-shipping">{t('sum.shippingOne', { price: formatMad(shopQuote.shipping, locale) })}</p>}
                </div>
              );
            })}
            {problems.length > 0 && (
              <p class="form-error">
                {t('cart.fixProblems')} <a href={paths.cart()}>{t('checkout.backToCart')}</a>
              </p>
            )}
            <Totals quote={current} loading={quote.status === 'loading'} />
            <button type="submit" class="button button-block" disabled={submitting} aria-disabled={submitting} data-testid="place-order">
              {submitting
                ? t('checkout.placing')
                : form.payment === 'card'
                  ? total
                    ? t('checkout.payCard', { total })
                    : t('checkout.payCardShort')
                  : total
                    ? t('checkout.placeCod', { total })
                    : t('checkout.placeCodShort')}
            </button>
            <p class="hint">{form.payment === 'card' ? t('checkout.cardNext') : t('checkout.codNext')}</p>
          </div>
        </aside>
      </form>
    </section>
  );
}

/** One consent box: required, its links to the pages it names below it (outside the label: a click on a link does not tick it). */
function Consent({ field, checked, onChange, label, error, children }: { field: 'terms' | 'withdrawal'; checked: boolean; onChange: (event: Event) => void; label: string; error: string | undefined; children: ComponentChildren }): JSX.Element {
  const id = `consent-${field}`;
  return (
    <div class="consent">
      <label class="consent-box" for={id}>
        <input id={id} type="checkbox" data-field={field} required checked={checked} onChange={onChange} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error ${id}-links` : `${id}-links`} />
        <span>{label}</span>
      </label>
      <p class="consent-links" id={`${id}-links`}>
        {children}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
