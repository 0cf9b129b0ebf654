import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyProduct } from '../../../shared/api/artisan.ts';
import type { ProductStatus } from '../../../shared/domain/catalogue.ts';
import { CATEGORY_SLUGS } from './constants.ts';
import { LOCALES, type Locale } from '../../../shared/domain/locales.ts';
import { ApiRequestError, cachedCategories } from '../api.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useAsync, useTitle } from '../hooks.ts';
import { useFieldErrors } from './field-errors.ts';
import { LANGUAGE_NAMES, isRtl } from '../i18n/index.ts';
import { useLocalized } from '../i18n/context.ts';
import { navigate, paths } from '../router.ts';
import { sellerApi } from './api.ts';
import { useT, type SellerKey } from './i18n/index.ts';
import { HiddenNotice } from './HiddenNotice.tsx';
import { PhotoManager } from './PhotoManager.tsx';
import { draftFor, dropDraft, keepDraft } from './drafts/outbox.ts';
import { installDraftSync, watchDrafts } from './drafts/sync.ts';
import { emptyProductForm, formFromProduct, newVariantRow, toProductBody, withSuggestedSkus, type FormProblem, type ProductForm, type VariantRow } from './product-form.ts';
import { apiErrors, errorAt, Field, inputValue, LocalizedTabs, SaveStatus, Tip, type Errors } from './ui.tsx';

const PROBLEM_KEYS: Record<FormProblem, SellerKey> = {
  required: 'err.required',
  oneLanguage: 'err.oneLanguage',
  price: 'err.price',
  minPrice: 'err.minPrice',
  stock: 'err.stock',
  number: 'err.number',
  sku: 'err.sku',
  skuTwice: 'err.skuTwice',
  dimensions: 'err.dimensions',
  leadTime: 'err.leadTime',
  choose: 'err.choose',
};

/** Handlers answer MyProduct; be lenient if one answers the bare product. */
export function asMyProduct(value: unknown, previous?: MyProduct): MyProduct {
  const v = value as Partial<MyProduct> & { id?: string };
  if (v && v.product) return { product: v.product, variants: v.variants ?? previous?.variants ?? [], images: v.images ?? previous?.images ?? [] };
  return { ...previous!, product: value as MyProduct['product'] };
}

export function ProductEditor({ productId }: { productId?: string }): JSX.Element {
  const { t } = useT();
  const loaded = useAsync((signal) => (productId ? sellerApi.product(productId, signal) : Promise.resolve(undefined)), [productId]);
  useTitle(productId ? t('editor.editTitle') : t('editor.newTitle'));
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={loaded.retry} />;
  return <FullEditor initial={loaded.data} />;
}

/** The editor in the dashboard: fields, status buttons, photos, preview. */
function FullEditor({ initial }: { initial: MyProduct | undefined }): JSX.Element {
  const { t } = useT();
  const [mine, setMine] = useState(initial);
  const [statusState, setStatusState] = useState<{ state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ state: 'idle' });

  const setStatus = async (status: ProductStatus) => {
    if (!mine) return;
    setStatusState({ state: 'saving' });
    try {
      const next = asMyProduct(await sellerApi.setStatus(mine.product.id, status), mine);
      setMine(next);
      setStatusState({ state: 'saved', message: t(`editor.became.${status}` as SellerKey) });
    } catch (error) {
      const { fields, message } = apiErrors(t, error);
      setStatusState({ state: 'error', message: fields.images ? t('editor.needsPhoto') : fields.status ? t('hidden.cannotPublish') : message });
    }
  };

  return (
    <div class="editor">
      <div class="editor-head">
        <h2>{mine ? t('editor.editTitle') : t('editor.newTitle')}</h2>
        {mine && <StatusBadge status={mine.product.status} />}
        {mine?.product.hidden && <span class="badge badge-out">{t('hidden.badge')}</span>}
      </div>
      <ProductFields
        mine={mine}
        onSaved={(saved) => {
          const isNew = !mine;
          setMine(saved);
          if (isNew) navigate(paths.editProduct(saved.product.id), { replace: true });
        }}
      />
      {mine && (
        <>
          <PhotoManager mine={mine} onChange={setMine} />
          <section class="status-actions" aria-labelledby="status-title">
            <h2 id="status-title">{t('editor.visibility')}</h2>
            {mine.product.hidden ? <HiddenNotice hidden={mine.product.hidden} /> : <p>{t(`editor.statusText.${mine.product.status}` as SellerKey)}</p>}
            <div class="actions">
              {mine.product.status !== 'published' && mine.product.status !== 'archived' && !mine.product.hidden && (
                <button type="button" class="button" onClick={() => setStatus('published')} disabled={statusState.state === 'saving'}>
                  {t('editor.publish')}
                </button>
              )}
              {mine.product.status === 'published' && (
                <button type="button" class="button button-secondary" onClick={() => setStatus('draft')} disabled={statusState.state === 'saving'}>
                  {t('editor.unpublish')}
                </button>
              )}
              {mine.product.status !== 'archived' && (
                <button type="button" class="button button-secondary" onClick={() => setStatus('archived')} disabled={statusState.state === 'saving'}>
                  {t('editor.archive')}
                </button>
              )}
              {mine.product.status === 'archived' && (
                <button type="button" class="button button-secondary" onClick={() => setStatus('draft')} disabled={statusState.state === 'saving'}>
                  {t('editor.restore')}
                </button>
              )}
              <a class="button button-secondary" href={paths.previewProduct(mine.product.id)}>
                {t('editor.preview')}
              </a>
              {mine.product.status === 'published' && !mine.product.hidden && (
                <a class="button-link" href={paths.product(mine.product.id)}>
                  {t('editor.viewLive')}
                </a>
              )}
            </div>
            <SaveStatus state={statusState.state} message={statusState.message} />
          </section>
        </>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: ProductStatus }): JSX.Element {
  const { t } = useT();
  return <span class={`badge badge-${status}`}>{t(`productStatus.${status}` as SellerKey)}</span>;
}

/**
 * The product's fields: title, description and materials per language, category, options
 * (variants) with price in dirhams and stock, weight, size, made-to-order delay. Used by the
 * dashboard editor and the onboarding wizard (which adds tips and its own button label).
 */
export function ProductFields({ mine, onSaved, submitLabel, tips = false }: { mine: MyProduct | undefined; onSaved: (saved: MyProduct) => void; submitLabel?: string; tips?: boolean }): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const categories = useAsync(() => cachedCategories(), []);
  // A save kept on this phone while offline comes back into the form, and goes when online (drafts/).
  const draftKey = mine?.product.id ?? 'new';
  const [form, setForm] = useState<ProductForm>(() => (draftFor(localStorage, draftKey)?.form as ProductForm | undefined) ?? (mine ? formFromProduct(mine, locale) : emptyProductForm()));
  const [onPhone, setOnPhone] = useState(() => Boolean(draftFor(localStorage, draftKey)));
  const [errors, setErrors] = useFieldErrors<Errors>({ ...form, weightGrams: form.weight, dimensionsCm: [form.length, form.width, form.height], leadTimeDays: form.leadTime });
  const [save, setSave] = useState<{ state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ state: 'idle' });
  const [labelLang, setLabelLang] = useState<Locale>(() => {
    const labelled = LOCALES.filter((l) => form.variants.some((v) => v.label[l]?.trim()));
    return labelled.length === 0 || labelled.includes(locale) ? locale : labelled[0]!;
  });
  const root = useRef<HTMLFormElement>(null);
  const update = (changes: Partial<ProductForm>) => setForm((f) => ({ ...f, ...changes }));
  const updateRow = (index: number, changes: Partial<VariantRow>) => setForm((f) => ({ ...f, variants: f.variants.map((row, i) => (i === index ? { ...row, ...changes } : row)) }));
  const rows = withSuggestedSkus(form);

  useEffect(() => {
    if (save.state === 'saved') {
      const timer = setTimeout(() => setSave({ state: 'idle' }), 4000);
      return () => clearTimeout(timer);
    }
  }, [save.state]);

  const focusFirstError = () => setTimeout(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  useEffect(() => {
    installDraftSync();
    return watchDrafts((outcome) => {
      if (outcome.key !== draftKey) return;
      if (outcome.sent) {
        setOnPhone(false);
        setSave({ state: 'saved', message: t('drafts.sent') });
        onSaved(asMyProduct(outcome.saved, mine));
      } else if (!outcome.offline) {
        // Refused (the form needs a fix): it stays in the form, not on the phone.
        dropDraft(localStorage, draftKey);
        setOnPhone(false);
        const { fields, message } = apiErrors(t, outcome.error);
        setErrors(fields);
        setSave({ state: 'error', message });
      }
    });
  }, [draftKey]);

  const keepOnPhone = (body: NonNullable<ReturnType<typeof toProductBody>['body']>) => {
    keepDraft(localStorage, { key: draftKey, body, form, savedAt: new Date().toISOString() });
    setOnPhone(true);
    setSave({ state: 'idle' });
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const { body, problems } = toProductBody(form);
    if (!body) {
      const found: Errors = {};
      for (const [path, problem] of Object.entries(problems)) found[path] = t(PROBLEM_KEYS[problem]);
      setErrors(found);
      setSave({ state: 'error', message: t('err.fixFields') });
      focusFirstError();
      return;
    }
    setErrors({});
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return keepOnPhone(body);
    setSave({ state: 'saving' });
    try {
      const saved = asMyProduct(mine ? await sellerApi.updateProduct(mine.product.id, body) : await sellerApi.createProduct(body), mine);
      if (onPhone) dropDraft(localStorage, draftKey);
      setOnPhone(false);
      setSave({ state: 'saved', message: t('form.saved') });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiRequestError && error.isNetwork) return keepOnPhone(body);
      const { fields, message } = apiErrors(t, error);
      setErrors(fields);
      setSave({ state: 'error', message });
      focusFirstError();
    }
  };

  const categoryName = (slug: string) => {
    const category = categories.status === 'ok' ? categories.data.items.find((c) => c.slug === slug) : undefined;
    return category ? pick(category.name).text : slug;
  };

  return (
    <form class="form-card product-form" ref={root} onSubmit={onSubmit} noValidate>
      {tips && (
        <Tip title={t('tips.describeTitle')}>
          <ul>
            <li>{t('tips.describe1')}</li>
            <li>{t('tips.describe2')}</li>
            <li>{t('tips.describe3')}</li>
          </ul>
        </Tip>
      )}
      <LocalizedTabs
        id="product"
        legend={t('editor.texts')}
        errors={errors}
        fields={[
          { name: 'title', label: t('editor.title'), value: form.title, onChange: (title) => update({ title }), maxLength: 120, placeholder: t('editor.titlePlaceholder') },
          { name: 'description', label: t('editor.description'), value: form.description, onChange: (description) => update({ description }), multiline: true, hint: t('editor.descriptionHint') },
          { name: 'materials', label: t('editor.materials'), value: form.materials, onChange: (materials) => update({ materials }), maxLength: 300, hint: t('editor.materialsHint') },
        ]}
      />
      <Field id="product-category" label={t('editor.category')} error={errors.category}>
        {(d, invalid) => (
          <select id="product-category" value={form.category} aria-describedby={d} aria-invalid={invalid} onChange={(e) => update({ category: inputValue(e) })}>
            <option value="">{t('form.choose')}</option>
            {CATEGORY_SLUGS.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset class="variants-editor">
        <legend>{t('editor.variants')}</legend>
        <p class="hint">{t('editor.variantsHint')}</p>
        {tips && (
          <Tip title={t('tips.priceTitle')}>
            <p>{t('tips.price1')}</p>
            <p class="formula">{t('tips.priceFormula')}</p>
            <p>{t('tips.price2')}</p>
          </Tip>
        )}
        <div class="label-langs" role="group" aria-label={t('editor.labelLanguage')}>
          <span class="label-langs-title">{t('editor.labelLanguage')}</span>
          {LOCALES.map((l) => (
            <button key={l} type="button" class="chip-button" lang={l} aria-pressed={l === labelLang} onClick={() => setLabelLang(l)}>
              {LANGUAGE_NAMES[l]}
              {Object.keys(errors).some((k) => /^variants\.\d+\.label\./.test(k) && k.endsWith(`.${l}`)) && ' !'}
            </button>
          ))}
        </div>
        <ol class="variant-rows">
          {rows.map((row, index) => {
            const id = `variant-${index}`;
            const err = (field: string) => errorAt(errors, `variants.${index}.${field}`, ...(field === 'label' ? [`variants.${index}.label.${labelLang}`] : []));
            return (
              <li key={row.key} class="variant-row">
                <p class="variant-number">{t('editor.variantN', { n: index + 1 })}</p>
                <Field id={`${id}-label`} label={`${t('editor.variantLabel')} · ${LANGUAGE_NAMES[labelLang]}`} error={err('label')} class="variant-label-field">
                  {(d, invalid) => (
                    <input
                      id={`${id}-label`}
                      lang={labelLang}
                      dir={isRtl(labelLang) ? 'rtl' : 'ltr'}
                      value={row.label[labelLang] ?? ''}
                      maxLength={120}
                      placeholder={t('editor.variantLabelPlaceholder')}
                      aria-describedby={d}
                      aria-invalid={invalid}
                      onInput={(e) => updateRow(index, { label: { ...row.label, [labelLang]: inputValue(e) } })}
                    />
                  )}
                </Field>
                <Field id={`${id}-price`} label={t('editor.price')} error={err('price')} class="variant-price-field">
                  {(d, invalid) => (
                    <div class="input-suffix">
                      <input id={`${id}-price`} inputMode="decimal" dir="ltr" value={row.price} placeholder="150,50" aria-describedby={d} aria-invalid={invalid} onInput={(e) => updateRow(index, { price: inputValue(e) })} />
                      <span aria-hidden="true">MAD</span>
                    </div>
                  )}
                </Field>
                <Field id={`${id}-stock`} label={t('editor.stock')} error={err('stock')} class="variant-stock-field">
                  {(d, invalid) => <input id={`${id}-stock`} inputMode="numeric" dir="ltr" value={row.stock} aria-describedby={d} aria-invalid={invalid} onInput={(e) => updateRow(index, { stock: inputValue(e) })} />}
                </Field>
                <Field id={`${id}-sku`} label={t('editor.sku')} hint={t('editor.skuHint')} error={err('sku')} class="variant-sku-field">
                  {(d, invalid) => (
                    <input
                      id={`${id}-sku`}
                      dir="ltr"
                      value={row.sku}
                      maxLength={40}
                      autocapitalize="characters"
                      spellcheck={false}
                      aria-describedby={d}
                      aria-invalid={invalid}
                      onInput={(e) => updateRow(index, { sku: inputValue(e).toUpperCase(), skuEdited: true })}
                    />
                  )}
                </Field>
                {rows.length > 1 && (
                  <button type="button" class="button-link danger" onClick={() => update({ variants: form.variants.filter((_, i) => i !== index) })}>
                    {t('editor.removeVariant', { n: index + 1 })}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {errors.variants && <p class="field-error">{errors.variants}</p>}
        {form.variants.length < 30 && (
          <button type="button" class="button button-secondary button-small" onClick={() => update({ variants: [...form.variants, newVariantRow()] })}>
            + {t('editor.addVariant')}
          </button>
        )}
      </fieldset>

      <fieldset class="details-editor">
        <legend>{t('editor.details')}</legend>
        <div class="form-row">
          <Field id="product-weight" label={t('editor.weight')} optional error={errors.weightGrams}>
            {(d, invalid) => (
              <div class="input-suffix">
                <input id="product-weight" inputMode="numeric" dir="ltr" value={form.weight} aria-describedby={d} aria-invalid={invalid} onInput={(e) => update({ weight: inputValue(e) })} />
                <span aria-hidden="true">g</span>
              </div>
            )}
          </Field>
        </div>
        <fieldset class="dimensions" aria-describedby={errors.dimensionsCm ? 'dimensions-error' : undefined}>
          <legend>
            {t('editor.dimensions')} <span class="optional">({t('form.optional')})</span>
          </legend>
          <div class="dimension-inputs">
            {(['length', 'width', 'height'] as const).map((side) => (
              <label key={side} class="dimension">
                <span>{t(`editor.${side}` as SellerKey)}</span>
                <input inputMode="decimal" dir="ltr" value={form[side]} aria-invalid={Boolean(errors.dimensionsCm)} onInput={(e) => update({ [side]: inputValue(e) })} />
              </label>
            ))}
          </div>
          {errors.dimensionsCm && (
            <p class="field-error" id="dimensions-error">
              {errors.dimensionsCm}
            </p>
          )}
        </fieldset>
        <label class="choice">
          <input type="checkbox" checked={form.madeToOrder} onChange={(e) => update({ madeToOrder: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('editor.madeToOrder')}</span>
        </label>
        {form.madeToOrder && (
          <Field id="product-lead" label={t('editor.leadTime')} error={errors.leadTimeDays}>
            {(d, invalid) => <input id="product-lead" inputMode="numeric" dir="ltr" value={form.leadTime} aria-describedby={d} aria-invalid={invalid} onInput={(e) => update({ leadTime: inputValue(e) })} />}
          </Field>
        )}
      </fieldset>
      <div class="form-actions sticky-actions">
        <button type="submit" class="button" disabled={save.state === 'saving'}>
          {submitLabel ?? (mine ? t('form.save') : t('editor.create'))}
        </button>
        <SaveStatus state={save.state} message={save.message} />
      </div>
      {onPhone && (
        <p class="draft-on-phone" role="status" data-testid="draft-on-phone">
          <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <rect x="7" y="2" width="10" height="20" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M11 18h2" stroke="currentColor" stroke-width="2" />
          </svg>
          {t('drafts.onPhone')}
        </p>
      )}
    </form>
  );
}
