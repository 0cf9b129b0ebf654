import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCALES, type Localized, type Locale } from '../../../shared/domain/locales.ts';
import { ApiRequestError } from '../api.ts';
import { LANGUAGE_NAMES, isRtl } from '../i18n/index.ts';
import { knownError } from '../auth/cognito.ts';
import { useT, type SellerKey, type SellerT } from './i18n/index.ts';

/** Field errors by the API's field path (`name.fr`, `variants.0.price`, `slug`), already translated. */
export type Errors = Record<string, string>;

/**
 * The API names the wrong field and says why, in English: show a message in the artisan's
 * language, matched from what the API said, and keep the API's words for the details.
 */
export function serverFieldMessage(t: SellerT, message: string): string {
  const m = message.toLowerCase();
  if (/taken|already|exists|in use|conflict/.test(m)) return t('err.taken');
  if (/at least one language/.test(m)) return t('err.oneLanguage');
  if (/international number/.test(m)) return t('err.phone');
  if (/at least 1\.00|centimes/.test(m)) return t('err.minPrice');
  if (/sku/i.test(m) || /letters, digits or -/.test(m)) return t('err.sku');
  if (/lower-case words/.test(m)) return t('err.slug');
  if (/required|expected .*received undefined|too small|>=1 characters|at least 1 character/.test(m)) return t('err.required');
  return `${t('err.invalid')} (${message})`;
}

/** Turns an API error into field errors (translated) and a form-level message. */
export function apiErrors(t: SellerT, error: unknown): { fields: Errors; message: string } {
  if (error instanceof ApiRequestError) {
    const fields: Errors = {};
    for (const [path, message] of Object.entries(error.fields ?? {})) fields[path] = serverFieldMessage(t, message);
    if (error.isNetwork) return { fields, message: t('err.network') };
    if (error.status === 401) return { fields, message: t('err.signedOut') };
    if (error.status === 403) return { fields, message: t('err.forbidden') };
    if (error.status === 409) return { fields, message: Object.keys(fields).length ? t('err.fixFields') : t('err.conflict') };
    if (error.status === 404) return { fields, message: t('err.notFound') };
    if (Object.keys(fields).length) return { fields, message: t('err.fixFields') };
    if (error.status < 500) return { fields, message: `${t('err.rejected')} ${error.message}` };
  }
  return { fields: {}, message: t('err.generic') };
}

/** A Cognito error in the artisan's language. */
export function authMessage(t: SellerT, error: unknown): string {
  const code = knownError(error);
  const key = `auth.${code}` as SellerKey;
  return t(key);
}

/** The first field error under any of these paths (e.g. `name` for the whole object or `name.fr`). */
export function errorAt(errors: Errors, ...paths: string[]): string | undefined {
  for (const path of paths) if (errors[path]) return errors[path];
  return undefined;
}

export const hasErrorUnder = (errors: Errors, prefix: string) => Object.keys(errors).some((k) => k === prefix || k.startsWith(`${prefix}.`));

interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  optional?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
  class?: string;
}

/** A labelled control with its hint and error, wired with aria-describedby / aria-invalid. */
export function Field({ id, label, hint, error, optional, children, class: className }: FieldProps): JSX.Element {
  const { t } = useT();
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${className ?? ''}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> ({t('form.optional')})</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(ids, Boolean(error))}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement).value;

export interface LocalizedField {
  /** API field name, e.g. 'title' (errors come as 'title.fr' or 'title'). */
  name: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  value: Localized;
  onChange: (value: Localized) => void;
  maxLength?: number;
  placeholder?: string;
}

/**
 * Text in several languages: one tab per language (a dot marks those filled in, a "!" those
 * with an error), one panel with every field in that language. Inputs carry the language's
 * own `lang` and `dir`, so Arabic is typed right to left even on a French page.
 */
export function LocalizedTabs({ id, fields, errors, legend }: { id: string; fields: LocalizedField[]; errors: Errors; legend: string }): JSX.Element {
  const { t, locale } = useT();
  // The page's language, unless only other languages hold text (then the first of those).
  const [active, setActive] = useState<Locale>(() => {
    const filledIn = LOCALES.filter((l) => fields.some((f) => f.value[l]?.trim()));
    return filledIn.length === 0 || filledIn.includes(locale) ? locale : filledIn[0]!;
  });
  const tabs = useRef<HTMLDivElement>(null);
  const filled = (l: Locale) => fields.some((f) => f.value[l]?.trim());
  const broken = (l: Locale) => fields.some((f) => errors[`${f.name}.${l}`]);
  const wholeErrors = fields.map((f) => errors[f.name]).filter(Boolean);

  const onKey = (event: KeyboardEvent) => {
    const index = LOCALES.indexOf(active);
    const forward = isRtl(locale) ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl(locale) ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, number> = { [forward]: index + 1, [backward]: index - 1, Home: 0, End: LOCALES.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = LOCALES[(target + LOCALES.length) % LOCALES.length]!;
    setActive(next);
    tabs.current?.querySelector<HTMLButtonElement>(`#${id}-tab-${next}`)?.focus();
  };

  return (
    <fieldset class="localized">
      <legend>{legend}</legend>
      <p class="hint">{t('form.languagesHint')}</p>
      <div class="lang-tabs" role="tablist" ref={tabs} onKeyDown={onKey}>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            id={`${id}-tab-${l}`}
            aria-controls={`${id}-panel`}
            aria-selected={l === active}
            tabIndex={l === active ? 0 : -1}
            class={`lang-tab ${broken(l) ? 'lang-tab-error' : ''}`}
            lang={l}
            onClick={() => setActive(l)}
          >
            {LANGUAGE_NAMES[l]}
            {broken(l) ? <span class="tab-mark tab-mark-error" aria-label={t('form.tabError')}>!</span> : filled(l) && <span class="tab-mark" aria-label={t('form.tabFilled')}>●</span>}
          </button>
        ))}
      </div>
      <div class="lang-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`}>
        {fields.map((f) => {
          const fieldId = `${id}-${f.name}-${active}`;
          const error = errors[`${f.name}.${active}`];
          const common = {
            id: fieldId,
            lang: active,
            dir: isRtl(active) ? 'rtl' : 'ltr',
            value: f.value[active] ?? '',
            maxLength: f.maxLength ?? (f.multiline ? 5000 : 200),
            placeholder: f.placeholder,
            onInput: (event: Event) => f.onChange({ ...f.value, [active]: inputValue(event) }),
          } as const;
          return (
            <Field key={fieldId} id={fieldId} label={`${f.label} · ${LANGUAGE_NAMES[active]}`} hint={f.hint} error={error}>
              {(describedBy, invalid) =>
                f.multiline ? (
                  <textarea {...common} rows={5} aria-describedby={describedBy} aria-invalid={invalid} />
                ) : (
                  <input {...common} type="text" aria-describedby={describedBy} aria-invalid={invalid} />
                )
              }
            </Field>
          );
        })}
      </div>
      {wholeErrors.map((message, i) => (
        <p class="field-error" key={i} role="alert">
          {message}
        </p>
      ))}
    </fieldset>
  );
}

/** Drops empty languages; undefined when nothing is left. */
export function compactLocalized(value: Localized): Localized | undefined {
  const out: Localized = {};
  for (const l of LOCALES) {
    const text = value[l]?.trim();
    if (text) out[l] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A polite live region for "Saving…" / "Saved" / errors. */
export function SaveStatus({ state, message }: { state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }): JSX.Element {
  const { t } = useT();
  return (
    <p class={`save-status save-${state}`} role="status" aria-live="polite">
      {state === 'saving' && t('form.saving')}
      {state === 'saved' && (message ?? t('form.saved'))}
      {state === 'error' && message}
    </p>
  );
}

/** A tip card for the guided onboarding and the editor. */
export function Tip({ title, children }: { title: string; children: ComponentChildren }): JSX.Element {
  return (
    <aside class="tip">
      <p class="tip-title">
        <svg class="icon tip-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1 2V16h5.2v-.2c0-.8.4-1.5 1-2A6 6 0 0 0 12 3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        {title}
      </p>
      {children}
    </aside>
  );
}

/** A one-time code (emailed, or from an authenticator app): digits, left to right, focused when shown. */
export function CodeField({ id, label, value, onInput, error, maxLength }: { id: string; label: string; value: string; onInput: (value: string) => void; error?: string; maxLength: number }): JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <Field id={id} label={label} error={error}>
      {(d, invalid) => (
        <input
          ref={input}
          id={id}
          class="code-input"
          inputMode="numeric"
          autocomplete="one-time-code"
          dir="ltr"
          maxLength={maxLength}
          value={value}
          aria-describedby={d}
          aria-invalid={invalid}
          onInput={(e) => onInput(inputValue(e))}
        />
      )}
    </Field>
  );
}

/**
 * A form of one authenticator-app (TOTP) code: checks it is 6 digits, then runs `submit`, whose
 * failure shows as the field's error in the user's language.
 */
export function useTotpForm(submit: (code: string) => Promise<void>) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!/^\s*\d{6}\s*$/.test(code)) return setError(t('mfa.codeFormat'));
    setBusy(true);
    setError(undefined);
    try {
      await submit(code);
    } catch (failure) {
      setError(authMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return { code, setCode, busy, error, onSubmit };
}
