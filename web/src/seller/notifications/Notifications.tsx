import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Shop } from '../../../../shared/domain/catalogue.ts';
import { DEFAULT_NOTIFY, normaliseWhatsAppNumber, type NotifyChannel } from '../../../../shared/domain/phone.ts';
import { useAreaMessages } from '../../area-messages.ts';
import { ApiRequestError } from '../../api.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { useTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/context.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { loadedNotifyMessages, loadNotifyMessages, notifyTranslator, type NotifyT } from './i18n/index.ts';
import './notifications.css';

/**
 * "My notifications": how the artisan is told about her shop and orders — e-mail, WhatsApp or
 * both — and her WhatsApp number (06…/07… become +2126…/+2127…, checked here as the API does).
 * Open to a shop still waiting for its decision: she hears of it on the channel she picks.
 */
export function Notifications({ shop, email }: { shop: Shop; email: string }): JSX.Element {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedNotifyMessages, loadNotifyMessages);
  useTitle(messages?.['notify.title']);
  if (failed && !messages) return <ErrorState error={failed} onRetry={retry} />;
  if (!messages) return <Loading />;
  return <NotifyForm t={notifyTranslator(messages)} shop={shop} email={email} />;
}

type Errors = Partial<Record<'channels' | 'whatsapp', string>>;

function NotifyForm({ t, shop, email }: { t: NotifyT; shop: Shop; email: string }): JSX.Element {
  const initial = shop.notify ?? DEFAULT_NOTIFY;
  const [channels, setChannels] = useState<NotifyChannel[]>(initial.channels);
  const [number, setNumber] = useState(initial.whatsapp ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [said, setSaid] = useState('');
  const numberInput = useRef<HTMLInputElement>(null);
  const wantsWhatsApp = channels.includes('whatsapp');

  const toggle = (channel: NotifyChannel, on: boolean) => {
    setChannels((list) => (on ? [...list.filter((c) => c !== channel), channel] : list.filter((c) => c !== channel)));
    setErrors((e) => ({ ...e, channels: undefined, ...(channel === 'whatsapp' && !on ? { whatsapp: undefined } : {}) }));
  };

  const check = (): { errors: Errors; whatsapp?: string } => {
    if (channels.length === 0) return { errors: { channels: t('notify.oneChannel') } };
    if (!number.trim()) return wantsWhatsApp ? { errors: { whatsapp: t('notify.numberNeeded') } } : { errors: {} };
    const e164 = normaliseWhatsAppNumber(number);
    return e164 ? { errors: {}, whatsapp: e164 } : { errors: { whatsapp: t('notify.numberInvalid') } };
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const checked = check();
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length) {
      setState('error');
      setSaid('');
      requestAnimationFrame(() => (checked.errors.whatsapp ? numberInput.current?.focus() : undefined));
      return;
    }
    setState('saving');
    try {
      await sellerApi.updateShop({ notify: { channels: [...channels].sort() as NotifyChannel[], ...(checked.whatsapp ? { whatsapp: checked.whatsapp } : {}) } });
      if (checked.whatsapp) setNumber(checked.whatsapp);
      setState('saved');
      setSaid(t('notify.saved', { channels: channels.map((c) => (c === 'email' ? t('notify.email', { email }) : t('notify.whatsapp'))).join(t('notify.and')) }));
    } catch (error) {
      const fields = error instanceof ApiRequestError ? (error.fields ?? {}) : {};
      setErrors({
        ...(fields['notify.whatsapp'] ? { whatsapp: t('notify.numberInvalid') } : {}),
        ...(fields['notify.channels'] ? { channels: t('notify.oneChannel') } : {}),
      });
      setState('error');
      setSaid(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="notify-settings" aria-labelledby="notify-title" data-testid="notify-settings">
      <h2 id="notify-title">{t('notify.title')}</h2>
      <p class="notify-intro">{t('notify.intro')}</p>
      <form class="form-card" onSubmit={onSubmit} noValidate>
        <fieldset class="choice-group" aria-describedby={errors.channels ? 'notify-channels-error' : undefined}>
          <legend>{t('notify.channels')}</legend>
          <label class="choice">
            <input type="checkbox" name="email" checked={channels.includes('email')} onChange={(e) => toggle('email', e.currentTarget.checked)} />
            <span>{t('notify.email', { email })}</span>
          </label>
          <label class="choice">
            <input type="checkbox" name="whatsapp" checked={wantsWhatsApp} onChange={(e) => toggle('whatsapp', e.currentTarget.checked)} />
            <span>{t('notify.whatsapp')}</span>
          </label>
          {errors.channels && (
            <p class="field-error" id="notify-channels-error">
              {errors.channels}
            </p>
          )}
        </fieldset>
        {wantsWhatsApp && (
          <div class="field">
            <label for="notify-whatsapp">{t('notify.number')}</label>
            <p class="hint" id="notify-whatsapp-hint">
              {t('notify.numberHint')}
            </p>
            <input
              ref={numberInput}
              id="notify-whatsapp"
              name="whatsapp"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              dir="ltr"
              class="notify-number"
              value={number}
              aria-invalid={errors.whatsapp ? true : undefined}
              aria-describedby={`notify-whatsapp-hint${errors.whatsapp ? ' notify-whatsapp-error' : ''}`}
              onInput={(e) => {
                setNumber(e.currentTarget.value);
                if (errors.whatsapp) setErrors((x) => ({ ...x, whatsapp: undefined }));
              }}
            />
            {errors.whatsapp && (
              <p class="field-error" id="notify-whatsapp-error">
                {errors.whatsapp}
              </p>
            )}
          </div>
        )}
        <div class="form-actions">
          <button type="submit" class="button" disabled={state === 'saving'}>
            {t('notify.save')}
          </button>
        </div>
        <p class={`save-status save-${state}`} role="status" aria-live="polite" data-testid="notify-status">
          {state === 'saved' || (state === 'error' && !Object.keys(errors).length) ? said : ''}
        </p>
      </form>
      <p>
        <a href={paths.dashboard()}>{t('notify.back')}</a>
      </p>
    </section>
  );
}
