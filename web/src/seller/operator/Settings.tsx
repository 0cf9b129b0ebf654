import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { OperatorSettings, SettingUpdate } from '../../../../shared/api/operator.ts';
import type { Locale } from '../../../../shared/domain/locales.ts';
import { approximate, DISPLAY_CURRENCIES } from '../../../../shared/domain/money.ts';
import type { PlatformSettingName, Setting, SettingName, SettingValues } from '../../../../shared/domain/settings.ts';
import { ApiRequestError } from '../../api.ts';
import { MoreButton } from '../../components/ProductGrid.tsx';
import { Loading } from '../../components/Status.tsx';
import { formatApprox, formatMad, formatNumber } from '../../format.ts';
import { useAsync, usePaged, useTitle } from '../../hooks.ts';
import { centimesToInput } from '../money.ts';
import { useT, type SellerKey, type SellerT } from '../i18n/index.ts';
import { apiErrors, Field, inputValue, SaveStatus } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { SHIPPING_ZONES } from './constants.ts';
import { basisPointsToInput, madToShippingMinor, parseRate, percentToBasisPoints, rateToInput } from './settings-form.ts';
import { ConsoleError, formatWhen, isolate } from './ui.tsx';
import { InfoPagesSettings } from './InfoPagesSettings.tsx';
import { HelpContactsSettings } from './HelpContactsSettings.tsx';

/**
 * The platform settings: commission, shipping rates by zone, display exchange rates. Each is saved
 * from the version read (someone else's edit meanwhile: the current value comes back, with a
 * word), applies to new orders only, and keeps its history (who, when, before, after).
 */
export function Settings(): JSX.Element {
  const { t } = useT();
  useTitle(t('console.settings.title'));
  const loaded = useAsync((signal) => consoleApi.settings(signal), []);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ConsoleError error={loaded.error} onRetry={loaded.retry} />;
  return <SettingsForms initial={loaded.data} />;
}

function SettingsForms({ initial }: { initial: OperatorSettings }): JSX.Element {
  const { t } = useT();
  const [settings, setSettings] = useState(initial);
  // A form starts afresh (from the value now stored) after each save; what happened stays said.
  const [notices, setNotices] = useState<Partial<Record<PlatformSettingName, SaveState>>>({});
  const onSaved = (setting: Setting) => {
    setSettings((current) => ({ ...current, [setting.name]: setting }));
    setNotices((all) => ({ ...all, [setting.name as PlatformSettingName]: { state: 'saved', message: t('console.settings.saved') } }));
  };
  /** After a 409: the setting as it now stands, and why the edit did not go through. */
  const onStale = async (name: PlatformSettingName) => {
    const fresh = (await consoleApi.settings().catch(() => undefined))?.[name];
    if (fresh) setSettings((current) => ({ ...current, [name]: fresh }));
    setNotices((all) => ({ ...all, [name]: { state: 'error', message: t('console.settings.conflict') } }));
  };
  const props = <N extends PlatformSettingName>(name: N) => ({ setting: settings[name] as Setting<N>, notice: notices[name], onSaved, onStale });
  return (
    <>
      <h1>{t('console.settings.title')}</h1>
      <p class="lead">{t('console.settings.intro')}</p>
      <div class="console-settings">
        <CommissionForm key={`commission-${settings.commission.version}`} {...props('commission')} />
        <ShippingForm key={`shipping-${settings.shipping.version}`} {...props('shipping')} />
        <RatesForm key={`rates-${settings['display-rates'].version}`} {...props('display-rates')} />
      </div>
      <InfoPagesSettings />
      <HelpContactsSettings />
    </>
  );
}

export interface FormProps<N extends SettingName> {
  setting: Setting<N>;
  /** What the last attempt came to (kept over the fresh form that follows it). */
  notice?: SaveState | undefined;
  onSaved: (setting: Setting) => void;
  onStale: (name: N) => Promise<void>;
}

export type SaveState = { state: 'idle' | 'saving' | 'saved' | 'error'; message?: string };

/** Saves one setting from the version read; a 409 brings the current value back and says so. */
export function useSave<N extends SettingName>({ setting, notice, onSaved, onStale }: FormProps<N>) {
  const { t } = useT();
  const [status, setStatus] = useState<SaveState>(notice ?? { state: 'idle' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = async (value: SettingValues[N]) => {
    setStatus({ state: 'saving' });
    try {
      onSaved(await consoleApi.updateSetting({ name: setting.name, version: setting.version, value } as SettingUpdate));
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.status === 409) {
        await onStale(setting.name);
        return setStatus({ state: 'error', message: t('console.settings.conflict') });
      }
      const { fields: found, message } = apiErrors(t, failure);
      setFields(found);
      setStatus({ state: 'error', message });
    }
  };
  return { status, setStatus, fields, save };
}

/** One setting's card: what it is, its fields, save, who changed it last, its history. */
export function SettingCard({ name, title, intro, note, setting, status, onSubmit, children }: { name: SettingName; title: string; intro: string; note?: string; setting: Setting; status: SaveState; onSubmit: (event: Event) => void; children: ComponentChildren }): JSX.Element {
  const { t, locale } = useT();
  const id = `setting-${name}`;
  return (
    <form class="form-card console-setting" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{intro}</p>
      {children}
      {note && <p class="hint">{note}</p>}
      <div class="form-actions">
        <button type="submit" class="button" disabled={status.state === 'saving'}>
          {t('console.settings.save')}
        </button>
        <SaveStatus state={status.state} message={status.message} />
      </div>
      <p class="hint" data-testid={`${id}-last`}>
        {setting.updatedAt && setting.updatedBy ? t('console.settings.lastChange', { date: formatWhen(setting.updatedAt, locale, true), who: isolate(setting.updatedBy.email) }) : t('console.settings.neverChanged')}
      </p>
      <History name={name} version={setting.version} />
    </form>
  );
}

/** A setting's recorded changes, newest first, loaded when opened. */
export function History({ name, version }: { name: SettingName; version: number }): JSX.Element {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <details class="console-history" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('console.settings.history')}</summary>
      {open && <HistoryList key={version} name={name} />}
    </details>
  );
}

function HistoryList({ name }: { name: SettingName }): JSX.Element {
  const { t, locale } = useT();
  const page = usePaged((cursor, signal) => consoleApi.settingChanges(name, { ...(cursor ? { cursor } : {}), limit: 10 }, signal), [name]);
  if (page.status === 'loading') return <Loading />;
  if (page.status === 'error' && page.items.length === 0) return <ConsoleError error={page.error} onRetry={page.retry} />;
  if (page.items.length === 0) return <p class="empty">{t('console.settings.historyEmpty')}</p>;
  return (
    <>
      <ol class="console-changes" role="list">
        {page.items.map((change) => (
          <li key={change.version}>
            <p class="console-change-head">{t('console.settings.change', { date: formatWhen(change.at, locale, true), who: isolate(change.by.email) })}</p>
            <p>
              <span class="console-change-label">{t('console.settings.before')}</span> {describe(change.name, change.before, t, locale)}
            </p>
            <p>
              <span class="console-change-label">{t('console.settings.after')}</span> {describe(change.name, change.after, t, locale)}
            </p>
          </li>
        ))}
      </ol>
      <MoreButton list={page} />
    </>
  );
}

/** A setting's value in words, for its history. */
function describe(name: SettingName, value: SettingValues[SettingName], t: SellerT, locale: Locale): string {
  if (name === 'commission') return `${formatNumber((value as SettingValues['commission']).basisPoints / 100, locale)} %`;
  if (name.startsWith('page-')) {
    const { texts } = value as SettingValues['page-terms'];
    return t('console.info.describe', { title: texts[locale].title, characters: formatNumber(Object.values(texts).reduce((n, x) => n + x.title.length + x.body.length, 0), locale) });
  }
  if (name === 'artisan-help') {
    const { contact } = value as SettingValues['artisan-help'];
    return [contact.phone, contact.whatsapp, contact.email, contact.address, contact.hours].filter(Boolean).join(' · ') || '—';
  }
  if (name === 'shipping') {
    const { rates } = value as SettingValues['shipping'];
    return SHIPPING_ZONES.map((zone) => `${t(`console.settings.zone.${zone}` as SellerKey)} ${t('console.settings.zoneRate', { base: formatMad(rates[zone].base, locale), perKg: formatMad(rates[zone].perKg, locale) })}`).join(' · ');
  }
  const { rates } = value as SettingValues['display-rates'];
  return DISPLAY_CURRENCIES.map((c) => `${c} ${rateToInput(rates[c], locale)}`).join(' · ');
}

function CommissionForm(props: FormProps<'commission'>): JSX.Element {
  const { t, locale } = useT();
  const { status, setStatus, fields, save } = useSave(props);
  const [percent, setPercent] = useState(basisPointsToInput(props.setting.value.basisPoints, locale));
  const [error, setError] = useState<string>();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const basisPoints = percentToBasisPoints(percent);
    setError(basisPoints === undefined ? t('console.settings.err.percent') : undefined);
    if (basisPoints === undefined) return setStatus({ state: 'error', message: t('err.fixFields') });
    void save({ basisPoints });
  };
  return (
    <SettingCard name="commission" title={t('console.settings.commission')} intro={t('console.settings.commissionIntro')} note={t('console.settings.newOrdersOnly')} setting={props.setting} status={status} onSubmit={onSubmit}>
      <Field id="commission-percent" label={t('console.settings.percent')} hint={t('console.settings.percentHint')} error={error ?? fields['value.basisPoints']}>
        {(d, invalid) => (
          <span class="input-suffix">
            <input id="commission-percent" inputMode="decimal" dir="ltr" value={percent} maxLength={6} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setPercent(inputValue(e))} />
            <span aria-hidden="true">%</span>
          </span>
        )}
      </Field>
    </SettingCard>
  );
}

function ShippingForm(props: FormProps<'shipping'>): JSX.Element {
  const { t, locale } = useT();
  const { status, setStatus, fields, save } = useSave(props);
  const initial = props.setting.value.rates;
  const [inputs, setInputs] = useState(() => Object.fromEntries(SHIPPING_ZONES.flatMap((zone) => [[`${zone}.base`, centimesToInput(initial[zone].base, locale)], [`${zone}.perKg`, centimesToInput(initial[zone].perKg, locale)]])) as Record<string, string>);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const amount = (key: string) => {
      const minor = madToShippingMinor(inputs[key] ?? '');
      if (minor === undefined) found[key] = t('console.settings.err.amount');
      return minor ?? 0;
    };
    const rates = Object.fromEntries(SHIPPING_ZONES.map((zone) => [zone, { base: amount(`${zone}.base`), perKg: amount(`${zone}.perKg`) }])) as SettingValues['shipping']['rates'];
    setErrors(found);
    if (Object.keys(found).length) return setStatus({ state: 'error', message: t('err.fixFields') });
    void save({ rates });
  };
  return (
    <SettingCard name="shipping" title={t('console.settings.shipping')} intro={t('console.settings.shippingIntro')} note={t('console.settings.newOrdersOnly')} setting={props.setting} status={status} onSubmit={onSubmit}>
      {SHIPPING_ZONES.map((zone) => (
        <fieldset key={zone} class="console-zone">
          <legend>{t(`console.settings.zone.${zone}` as SellerKey)}</legend>
          <div class="form-row">
            {(['base', 'perKg'] as const).map((part) => {
              const key = `${zone}.${part}`;
              const id = `shipping-${zone}-${part}`;
              return (
                <Field key={key} id={id} label={t(`console.settings.${part}` as SellerKey)} error={errors[key] ?? fields[`value.rates.${key}`]}>
                  {(d, invalid) => (
                    <input id={id} inputMode="decimal" dir="ltr" value={inputs[key]} maxLength={9} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setInputs((all) => ({ ...all, [key]: inputValue(e) }))} />
                  )}
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
    </SettingCard>
  );
}

function RatesForm(props: FormProps<'display-rates'>): JSX.Element {
  const { t, locale } = useT();
  const { status, setStatus, fields, save } = useSave(props);
  const [inputs, setInputs] = useState(() => Object.fromEntries(DISPLAY_CURRENCIES.map((c) => [c, rateToInput(props.setting.value.rates[c], locale)])) as Record<string, string>);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const parsed = Object.fromEntries(DISPLAY_CURRENCIES.map((c) => [c, parseRate(inputs[c] ?? '')]));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = Object.fromEntries(DISPLAY_CURRENCIES.filter((c) => parsed[c] === undefined).map((c) => [c, t('console.settings.err.rate')]));
    setErrors(found);
    if (Object.keys(found).length) return setStatus({ state: 'error', message: t('err.fixFields') });
    void save({ rates: parsed as SettingValues['display-rates']['rates'] });
  };
  return (
    <SettingCard name="display-rates" title={t('console.settings.rates')} intro={t('console.settings.ratesIntro')} setting={props.setting} status={status} onSubmit={onSubmit}>
      <div class="form-row">
        {DISPLAY_CURRENCIES.map((currency) => {
          const rate = parsed[currency];
          return (
            <Field
              key={currency}
              id={`rate-${currency}`}
              label={t('console.settings.rate', { currency })}
              hint={rate === undefined ? undefined : t('console.settings.example', { amount: formatApprox(approximate(100_00, { EUR: rate, USD: rate })[currency], currency, locale) })}
              error={errors[currency] ?? fields[`value.rates.${currency}`]}
            >
              {(d, invalid) => (
                <input id={`rate-${currency}`} inputMode="decimal" dir="ltr" value={inputs[currency]} maxLength={9} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setInputs((all) => ({ ...all, [currency]: inputValue(e) }))} />
              )}
            </Field>
          );
        })}
      </div>
    </SettingCard>
  );
}
