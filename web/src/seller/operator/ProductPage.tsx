import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useFieldErrors } from '../field-errors.ts';
import type { ProductDetail } from '../../../../shared/api/catalogue.ts';
import type { OperatorProduct } from '../../../../shared/api/operator.ts';
import type { HideReason } from '../../../../shared/domain/catalogue.ts';
import { approximate } from '../../../../shared/domain/money.ts';
import { Loading } from '../../components/Status.tsx';
import { Text } from '../../components/Text.tsx';
import { formatMad, formatNumber } from '../../format.ts';
import { useAsync, useTitle } from '../../hooks.ts';
import { useLocalized } from '../../i18n/context.ts';
import { ProductView } from '../../pages/Product.tsx';
import { paths } from '../../router.ts';
import { HiddenNotice, hideReasonKey } from '../HiddenNotice.tsx';
import { useT, type SellerKey } from '../i18n/index.ts';
import { StatusBadge } from '../ProductEditor.tsx';
import { apiErrors, Field, inputValue } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { HIDE_REASONS } from './constants.ts';
import { ConsoleError, formatWhen } from './ui.tsx';

/** One product as operators see it: its facts, its shop and artisan, hide (with a reason) or restore, and how shoppers see it. */
export function ProductPage({ productId }: { productId: string }): JSX.Element {
  const { t } = useT();
  const loaded = useAsync(async (signal) => {
    const [found, settings] = await Promise.all([consoleApi.product(productId, signal), consoleApi.settings(signal)]);
    return { found, rates: settings['display-rates'].value.rates };
  }, [productId]);
  useTitle(t('console.products.title'));
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ConsoleError error={loaded.error} onRetry={loaded.retry} />;
  return <ProductFacts initial={loaded.data.found} rates={loaded.data.rates} />;
}

function ProductFacts({ initial, rates }: { initial: OperatorProduct; rates: ProductDetail['rates'] }): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const [current, setCurrent] = useState(initial);
  const [done, setDone] = useState<string>();
  // The form the operator used is replaced by the other one: focus goes to what happened.
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done, current.product.hidden]);
  const { product, variants, shop } = current;
  const listed = product.status === 'published' && !product.hidden && shop.status === 'approved';
  const stock = variants.reduce((sum, v) => sum + v.stock, 0);
  const detail: ProductDetail = {
    product,
    variants,
    images: current.images.filter((i) => i.status === undefined || i.status === 'ready'),
    shop,
    approx: approximate(product.price, rates),
    rates,
  };
  return (
    <article class="console-product" aria-labelledby="console-product-title">
      <p>
        <a href={paths.operatorProducts()}>{t('console.product.back')}</a>
      </p>
      <Text as="h1" id="console-product-title" value={product.title} />
      <p class="badges">
        <StatusBadge status={product.status} />
        {product.hidden && <span class="badge badge-out">{`${t('console.products.hiddenBadge')} · ${t(hideReasonKey(product.hidden.reason))}`}</span>}
      </p>
      <dl class="op-facts">
        <div>
          <dt>{t('console.product.shop')}</dt>
          <dd>
            <a href={paths.operatorShop(shop.id)}>
              <Text value={shop.name} />
            </a>{' '}
            · {t(`console.shopStatus.${shop.status}` as SellerKey)}
          </dd>
        </div>
        <div>
          <dt>{t('console.product.artisan')}</dt>
          <dd>
            {current.ownerEmail ? (
              <a href={`mailto:${current.ownerEmail}`} dir="ltr">
                {current.ownerEmail}
              </a>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('console.product.price')}</dt>
          <dd>{formatMad(product.price, locale)}</dd>
        </div>
        <div>
          <dt>{t('console.product.stock')}</dt>
          <dd>
            {formatNumber(stock, locale)} · {t('list.options', { n: formatNumber(variants.length, locale) })}
          </dd>
        </div>
        <div>
          <dt>{t('console.product.id')}</dt>
          <dd dir="ltr">{product.id}</dd>
        </div>
        <div>
          <dt>{t('console.product.updated')}</dt>
          <dd>{formatWhen(product.updatedAt, locale)}</dd>
        </div>
      </dl>
      {listed && (
        <p>
          <a class="button-link" href={paths.product(product.id)}>
            {t('console.product.viewInStore')}
          </a>
        </p>
      )}
      <p class="op-done" role="status" aria-live="polite" tabIndex={-1} ref={doneRef} hidden={!done}>
        {done}
      </p>
      {product.hidden ? (
        <Restore
          current={current}
          onDone={(next) => {
            setCurrent(next);
            setDone(t('console.product.restored'));
          }}
        />
      ) : (
        <Hide
          current={current}
          onDone={(next) => {
            setCurrent(next);
            setDone(t('console.product.hidden'));
          }}
        />
      )}
      <details class="console-preview">
        <summary>{t('console.product.asShoppers', { title: pick(product.title).text })}</summary>
        <div class="preview-frame">
          <ProductView detail={detail} preview />
        </div>
      </details>
    </article>
  );
}

function Hide({ current, onDone }: { current: OperatorProduct; onDone: (next: OperatorProduct) => void }): JSX.Element {
  const { t } = useT();
  const [reason, setReason] = useState<HideReason>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useFieldErrors<{ reason?: string; note?: string; form?: string }>({ reason, note });
  const [busy, setBusy] = useState(false);
  const id = current.product.id;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!reason) found.reason = t('console.product.chooseReason');
    if ((reason === 'other' || note.trim()) && note.trim().length < 3) found.note = t('console.product.noteNeeded');
    setErrors(found);
    if (Object.keys(found).length || !reason) return;
    setBusy(true);
    try {
      onDone(await consoleApi.moderate(id, { action: 'hide', reason, ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (failure) {
      const { fields, message } = apiErrors(t, failure);
      setErrors({ ...(fields.reason ? { reason: fields.reason } : {}), ...(fields.note ? { note: fields.note } : {}), form: message });
      setBusy(false);
    }
  };

  return (
    <form class="form-card console-moderation" onSubmit={onSubmit} noValidate aria-labelledby="hide-title">
      <h2 id="hide-title">{t('console.product.hideTitle')}</h2>
      <p>{t('console.product.hideIntro')}</p>
      <fieldset class="choice-group" aria-describedby={errors.reason ? 'hide-reason-error' : undefined}>
        <legend>{t('console.product.reason')}</legend>
        {HIDE_REASONS.map((r) => (
          <label key={r} class="choice">
            <input type="radio" name="hide-reason" value={r} checked={reason === r} onChange={() => setReason(r)} aria-invalid={Boolean(errors.reason)} />
            <span>{t(hideReasonKey(r))}</span>
          </label>
        ))}
        {errors.reason && (
          <p class="field-error" id="hide-reason-error">
            {errors.reason}
          </p>
        )}
      </fieldset>
      <Field id="hide-note" label={t('console.product.note')} hint={t('console.product.noteHint')} error={errors.note} optional={reason !== 'other'}>
        {(d, invalid) => <textarea id="hide-note" rows={3} maxLength={1000} value={note} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setNote(inputValue(e))} />}
      </Field>
      {errors.form && (
        <p class="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" class="button danger-fill" disabled={busy}>
        {busy ? t('form.sending') : t('console.product.hide')}
      </button>
    </form>
  );
}

function Restore({ current, onDone }: { current: OperatorProduct; onDone: (next: OperatorProduct) => void }): JSX.Element {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const restore = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await consoleApi.moderate(current.product.id, { action: 'restore' }));
    } catch (failure) {
      setError(apiErrors(t, failure).message);
      setBusy(false);
    }
  };
  return (
    <section class="console-moderation" aria-labelledby="restore-title">
      <h2 id="restore-title" class="visually-hidden">
        {t('console.product.restore')}
      </h2>
      <HiddenNotice hidden={current.product.hidden!} audience="operator" />
      <p>{t('console.product.restoreIntro')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button" disabled={busy} onClick={restore}>
        {busy ? t('form.sending') : t('console.product.restore')}
      </button>
    </section>
  );
}
