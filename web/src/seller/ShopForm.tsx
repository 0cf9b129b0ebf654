import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApplyForShopBody, UpdateShopBody } from '../../../shared/api/artisan.ts';
import type { Shop } from '../../../shared/domain/catalogue.ts';
import { CATEGORY_SLUGS } from './constants.ts';
import { LOCALES, type Localized, type Locale } from '../../../shared/domain/locales.ts';
import { api, ApiRequestError, cachedCategories } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useFieldErrors } from './field-errors.ts';
import { LANGUAGE_NAMES } from '../i18n/index.ts';
import { useLocalized } from '../i18n/context.ts';
import { sellerApi } from './api.ts';
import { normalisePhone } from './checks.ts';
import { useT } from './i18n/index.ts';
import { ShopPictures } from './shop-pictures/ShopPictures.tsx';
import { isValidSlug, suggestSlug } from './slug.ts';
import { apiErrors, compactLocalized, Field, inputValue, LocalizedTabs, SaveStatus, type Errors } from './ui.tsx';

/** Towns of the region, offered as suggestions (any town may be typed). */
const TOWNS = ['Dakhla', 'Bir Gandouz', 'El Argoub', 'Aousserd', 'Imlili', 'Tichla', 'Bir Anzarane', 'Lagouira'];
const KINDS = ['individual', 'cooperative', 'eig'] as const;

export type ShopFormMode = 'apply' | 'reapply' | 'edit';

interface Props {
  mode: ShopFormMode;
  shop?: Shop;
  onSaved: (shop?: Shop) => void;
  /** Label of the submit button (the wizard says "Save and continue"). */
  submitLabel?: string;
  /** Saves an edit somewhere else than the artisan's own shop (an operator editing a shop: the console's route). */
  save?: (changes: UpdateShopBody) => Promise<Shop>;
}

/**
 * The shop's profile: name and story in one or more languages, address (slug, only when
 * applying), craft, town, kind, languages spoken, phone. Used to apply, to fix a rejected
 * application, in the onboarding wizard and in the dashboard.
 */
export function ShopForm({ mode, shop, onSaved, submitLabel, save }: Props): JSX.Element {
  const { t, locale } = useT();
  const pick = useLocalized();
  const categories = useAsync(() => cachedCategories(), []);
  const [name, setName] = useState<Localized>(shop?.name ?? {});
  const [story, setStory] = useState<Localized>(shop?.story ?? {});
  const [slug, setSlug] = useState(shop?.slug ?? '');
  const slugEdited = useRef(Boolean(shop?.slug));
  const [craft, setCraft] = useState<string>(shop?.craft ?? '');
  const [town, setTown] = useState(shop?.town ?? '');
  const [kind, setKind] = useState<string>(shop?.kind ?? '');
  const [languages, setLanguages] = useState<Locale[]>(shop?.languages ?? [locale]);
  const [phone, setPhone] = useState(shop?.phone ?? '');
  const [errors, setErrors] = useFieldErrors<Errors>({ name, story, slug, craft, town, kind, languages, phone });
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [message, setMessage] = useState<string>();
  const [slugTaken, setSlugTaken] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // The address follows the name until the artisan edits it.
  useEffect(() => {
    if (mode === 'apply' && !slugEdited.current) setSlug(suggestSlug(name));
  }, [name, mode]);

  // Is the address already an approved shop's? (The API checks every shop when applying.)
  useEffect(() => {
    setSlugTaken(false);
    if (mode !== 'apply' || !isValidSlug(slug)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.shop(slug, controller.signal).then(
        () => setSlugTaken(true),
        () => {},
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, mode]);

  const validate = (): Errors => {
    const found: Errors = {};
    if (!compactLocalized(name)) found.name = t('err.nameNeeded');
    if (!compactLocalized(story)) found.story = t('err.storyNeeded');
    if (mode === 'apply' && !isValidSlug(slug)) found.slug = t('err.slug');
    if (!craft) found.craft = t('err.choose');
    if (town.trim().length < 2) found.town = t('err.required');
    if (!kind) found.kind = t('err.choose');
    if (languages.length === 0) found.languages = t('err.chooseOne');
    if (normalisePhone(phone) === undefined) found.phone = t('err.phone');
    return found;
  };

  const focusFirstError = () =>
    setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .lang-tab-error, .field-error')?.focus?.(), 0);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      setState('error');
      setMessage(t('err.fixFields'));
      focusFirstError();
      return;
    }
    const phoneValue = normalisePhone(phone) || undefined;
    const profile = {
      name: compactLocalized(name)!,
      story: compactLocalized(story)!,
      craft: craft as ApplyForShopBody['craft'],
      town: town.trim(),
      kind: kind as ApplyForShopBody['kind'],
      languages,
      ...(phoneValue ? { phone: phoneValue } : {}),
    };
    setState('saving');
    try {
      const saved = mode === 'apply' ? await sellerApi.applyForShop({ ...profile, slug }) : save ? await save(profile) : await sellerApi.updateShop(profile satisfies UpdateShopBody);
      setErrors({});
      setState('saved');
      setMessage(mode === 'edit' ? t('form.saved') : t('apply.sent'));
      onSaved('shop' in saved ? saved.shop : saved);
    } catch (error) {
      const { fields, message: text } = apiErrors(t, error);
      if (error instanceof ApiRequestError && error.status === 409 && !Object.keys(fields).length && mode === 'apply') fields.slug = t('err.taken');
      setErrors(fields);
      setState('error');
      setMessage(text);
      focusFirstError();
    }
  };

  const craftName = (slugValue: string) => {
    const category = categories.status === 'ok' ? categories.data.items.find((c) => c.slug === slugValue) : undefined;
    return category ? pick(category.name).text : slugValue;
  };

  return (
    <form class="form-card shop-form" ref={form} onSubmit={onSubmit} noValidate>
      <LocalizedTabs
        id="shop"
        legend={t('shop.nameAndStory')}
        errors={errors}
        fields={[
          { name: 'name', label: t('shop.name'), value: name, onChange: setName, maxLength: 120, hint: t('shop.nameHint') },
          { name: 'story', label: t('shop.story'), value: story, onChange: setStory, multiline: true, hint: t('shop.storyHint') },
        ]}
      />
      {mode === 'apply' && (
        <Field id="shop-slug" label={t('shop.slug')} hint={t('shop.slugHint', { url: `${location.host}/s/${slug || '…'}` })} error={errors.slug ?? (slugTaken ? t('err.taken') : undefined)}>
          {(d, invalid) => (
            <input
              id="shop-slug"
              dir="ltr"
              value={slug}
              maxLength={60}
              autocapitalize="none"
              spellcheck={false}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => {
                slugEdited.current = true;
                setSlug(inputValue(e).toLowerCase().replace(/[^a-z0-9-]/g, '-'));
              }}
            />
          )}
        </Field>
      )}
      <div class="form-row">
        <Field id="shop-craft" label={t('shop.craft')} error={errors.craft}>
          {(d, invalid) => (
            <select id="shop-craft" value={craft} aria-describedby={d} aria-invalid={invalid} onChange={(e) => setCraft(inputValue(e))}>
              <option value="">{t('form.choose')}</option>
              {CATEGORY_SLUGS.map((c) => (
                <option key={c} value={c}>
                  {craftName(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="shop-town" label={t('shop.town')} error={errors.town}>
          {(d, invalid) => (
            <>
              <input id="shop-town" list="shop-towns" value={town} maxLength={80} autocomplete="address-level2" aria-describedby={d} aria-invalid={invalid} onInput={(e) => setTown(inputValue(e))} />
              <datalist id="shop-towns">
                {TOWNS.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <fieldset class="choice-group" aria-describedby={errors.kind ? 'shop-kind-error' : undefined}>
        <legend>{t('shop.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="shop-kind" value={k} checked={kind === k} onChange={() => setKind(k)} aria-invalid={Boolean(errors.kind)} />
            <span>
              <strong>{t(`kind.${k}`)}</strong>
              <small>{t(`kind.${k}.hint`)}</small>
            </span>
          </label>
        ))}
        {errors.kind && <p class="field-error" id="shop-kind-error">{errors.kind}</p>}
      </fieldset>
      <fieldset class="choice-group inline" aria-describedby={errors.languages ? 'shop-languages-error' : undefined}>
        <legend>{t('shop.languages')}</legend>
        {LOCALES.map((l) => (
          <label key={l} class="choice" lang={l}>
            <input
              type="checkbox"
              checked={languages.includes(l)}
              onChange={(e) => setLanguages((e.currentTarget as HTMLInputElement).checked ? LOCALES.filter((x) => x === l || languages.includes(x)) : languages.filter((x) => x !== l))}
            />
            <span>{LANGUAGE_NAMES[l]}</span>
          </label>
        ))}
        {(errors.languages || Object.keys(errors).find((k) => k.startsWith('languages.'))) && (
          <p class="field-error" id="shop-languages-error">
            {errors.languages ?? t('err.invalid')}
          </p>
        )}
      </fieldset>
      <Field id="shop-phone" label={t('shop.phone')} optional hint={t('shop.phoneHint')} error={errors.phone}>
        {(d, invalid) => (
          <input id="shop-phone" type="tel" inputMode="tel" autocomplete="tel" dir="ltr" placeholder="+212 6 12 34 56 78" value={phone} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setPhone(inputValue(e))} />
        )}
      </Field>
      {mode === 'edit' && shop && !save && <ShopPictures shop={shop} />}
      <div class="form-actions">
        <button type="submit" class="button" disabled={state === 'saving'}>
          {submitLabel ?? (mode === 'apply' ? t('apply.submit') : mode === 'reapply' ? t('apply.resubmit') : t('form.save'))}
        </button>
        <SaveStatus state={state} message={message} />
      </div>
    </form>
  );
}
