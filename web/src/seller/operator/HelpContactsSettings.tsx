import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ArtisanHelpContact, ArtisanHelpView } from '../../../../shared/domain/shipping-help/help-contact.ts';
import type { Setting } from '../../../../shared/domain/settings.ts';
import { ApiRequestError } from '../../api.ts';
import { useAreaMessages } from '../../area-messages.ts';
import { Loading } from '../../components/Status.tsx';
import { useAsync } from '../../hooks.ts';
import { sellerApi } from '../api.ts';
import { helpTranslator, loadedHelpMessages, loadHelpMessages, type HelpT } from '../help/i18n/index.ts';
import { useT } from '../i18n/index.ts';
import { apiErrors, Field, inputValue, SaveStatus } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { History, type SaveState } from './Settings.tsx';
import { ConsoleError, formatWhen } from './ui.tsx';

/**
 * The centre's contact details that artisans read on their help page (the `artisan-help`
 * setting): saved from the version read and recorded like the other settings. Its labels are the
 * help page's own (web/src/seller/help/i18n).
 */
export function HelpContactsSettings(): JSX.Element {
  const { locale } = useT();
  const { messages } = useAreaMessages(locale, loadedHelpMessages, loadHelpMessages);
  const loaded = useAsync((signal) => sellerApi.help(signal), []);
  if (!messages || loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ConsoleError error={loaded.error} onRetry={loaded.retry} />;
  const h = helpTranslator(messages);
  return (
    <section class="form-card console-setting" aria-labelledby="help-contacts-title" data-testid="setting-artisan-help">
      <h2 id="help-contacts-title">{h('help.console.title')}</h2>
      <p>{h('help.console.intro')}</p>
      <HelpContactsForm initial={loaded.data} h={h} />
    </section>
  );
}

const FIELDS: { name: keyof ArtisanHelpContact; type: 'tel' | 'email' | 'area' }[] = [
  { name: 'phone', type: 'tel' },
  { name: 'whatsapp', type: 'tel' },
  { name: 'email', type: 'email' },
  { name: 'address', type: 'area' },
  { name: 'hours', type: 'area' },
];

/** The form keeps the setting as saved (the public read it started from may be cached a minute). */
function HelpContactsForm({ initial, h }: { initial: ArtisanHelpView; h: HelpT }): JSX.Element {
  const { t, locale } = useT();
  const [help, setHelp] = useState(initial);
  const [contact, setContact] = useState(initial.contact);
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = async (event: Event) => {
    event.preventDefault();
    setStatus({ state: 'saving' });
    setFields({});
    try {
      const setting = (await consoleApi.updateSetting({ name: 'artisan-help', version: help.version, value: { contact } })) as Setting<'artisan-help'>;
      setStatus({ state: 'saved', message: t('console.settings.saved') });
      setHelp({ contact: setting.value.contact, version: setting.version, ...(setting.updatedAt ? { updatedAt: setting.updatedAt } : {}) });
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.status === 409) return setStatus({ state: 'error', message: t('console.settings.conflict') });
      const { fields: found, message } = apiErrors(t, failure);
      setFields(found);
      setStatus({ state: 'error', message });
    }
  };
  const set = (name: keyof ArtisanHelpContact) => (e: Event) => {
    setContact({ ...contact, [name]: inputValue(e) });
    if (fields[`value.contact.${name}`]) setFields(({ [`value.contact.${name}`]: _, ...rest }) => rest);
  };
  return (
    <form onSubmit={save} noValidate>
      {FIELDS.map(({ name, type }) => {
        const id = `help-${name}`;
        return (
          <Field key={name} id={id} label={h(`help.${name}`)} {...(type === 'tel' ? { hint: h('help.console.phoneHint') } : {})} error={fields[`value.contact.${name}`]}>
            {(describedBy, invalid) =>
              type === 'area' ? (
                <textarea id={id} rows={3} value={contact[name]} onInput={set(name)} aria-describedby={describedBy} aria-invalid={invalid} />
              ) : (
                <input id={id} type={type} dir="ltr" value={contact[name]} onInput={set(name)} aria-describedby={describedBy} aria-invalid={invalid} />
              )
            }
          </Field>
        );
      })}
      <div class="form-actions">
        <button type="submit" class="button" disabled={status.state === 'saving'}>
          {t('console.settings.save')}
        </button>
        <SaveStatus state={status.state} message={status.message} />
      </div>
      <p class="hint">{help.updatedAt ? formatWhen(help.updatedAt, locale, true) : t('console.settings.neverChanged')}</p>
      <History key={help.version} name="artisan-help" version={help.version} />
    </form>
  );
}
