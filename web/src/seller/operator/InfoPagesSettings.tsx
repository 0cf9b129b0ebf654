import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { SettingUpdate } from '../../../../shared/api/operator.ts';
import type { InfoPageView } from '../../../../shared/domain/info-pages/index.ts';
import { INFO_PAGES, infoSettingName, MAX_INFO_BODY, MAX_INFO_TITLE, type InfoPageSlug } from '../../../../shared/domain/info-pages/slugs.ts';
import { LOCALES, RTL_LOCALES, type Locale } from '../../../../shared/domain/locales.ts';
import { api, ApiRequestError } from '../../api.ts';
import { Loading } from '../../components/Status.tsx';
import { useAsync } from '../../hooks.ts';
import { useT, type SellerKey } from '../i18n/index.ts';
import { apiErrors, Field, inputValue, SaveStatus } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { History, type SaveState } from './Settings.tsx';
import { ConsoleError, formatWhen } from './ui.tsx';

/**
 * The store's information pages (about, contact, legal notice, terms, returns, privacy), edited
 * in four languages: each is a setting (`page-<slug>`), saved from the version read and recorded
 * like the others. The terms' and the privacy notice's versions are what new orders record.
 */
export function InfoPagesSettings(): JSX.Element {
  const { t } = useT();
  const [slug, setSlug] = useState<InfoPageSlug>('terms');
  // What this console saved, per page: the public read it starts from may be cached a minute.
  const [saved, setSaved] = useState<Partial<Record<InfoPageSlug, InfoPageView>>>({});
  const loaded = useAsync((signal) => api.infoPage(slug, signal), [slug]);
  const mine = saved[slug];
  const page = loaded.status === 'ok' ? (mine && mine.version > loaded.data.version ? mine : loaded.data) : undefined;
  return (
    <section class="form-card console-setting" aria-labelledby="info-pages-title" data-testid="setting-info-pages">
      <h2 id="info-pages-title">{t('console.info.title')}</h2>
      <p>{t('console.info.intro')}</p>
      <div class="field">
        <label for="info-page">{t('console.info.page')}</label>
        <select id="info-page" value={slug} onChange={(e) => setSlug(inputValue(e) as InfoPageSlug)}>
          {INFO_PAGES.map((page) => (
            <option key={page} value={page}>
              {t(`console.info.page.${page}` as SellerKey)}
            </option>
          ))}
        </select>
      </div>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <ConsoleError error={loaded.error} onRetry={loaded.retry} />}
      {page && <InfoPageForm key={`${slug}-${loaded.status === 'ok' ? loaded.data.version : 0}`} page={page} onSaved={(view) => setSaved((all) => ({ ...all, [view.slug]: view }))} />}
    </section>
  );
}

/** The form keeps the page as saved (its new version, for the next save and the history). */
function InfoPageForm({ page: initial, onSaved }: { page: InfoPageView; onSaved: (page: InfoPageView) => void }): JSX.Element {
  const [page, setPage] = useState(initial);
  const { t, locale } = useT();
  const [lang, setLang] = useState<Locale>(locale);
  const [texts, setTexts] = useState(page.texts);
  const [contact, setContact] = useState(page.contact);
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const name = infoSettingName(page.slug);
  const save = async (event: Event) => {
    event.preventDefault();
    setStatus({ state: 'saving' });
    try {
      const setting = await consoleApi.updateSetting({ name, version: page.version, value: { texts, ...(contact ? { contact } : {}) } } as SettingUpdate);
      const value = setting.value as { texts: InfoPageView['texts']; contact?: InfoPageView['contact'] };
      const view: InfoPageView = { slug: page.slug, version: setting.version, texts: value.texts, ...(value.contact ? { contact: value.contact } : {}), ...(setting.updatedAt ? { updatedAt: setting.updatedAt } : {}) };
      setStatus({ state: 'saved', message: t('console.settings.saved') });
      setPage(view);
      onSaved(view);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.status === 409) return setStatus({ state: 'error', message: t('console.settings.conflict') });
      const { fields: found, message } = apiErrors(t, failure);
      setFields(found);
      setStatus({ state: 'error', message });
    }
  };
  const setText = (part: 'title' | 'body') => (event: Event) => setTexts((all) => ({ ...all, [lang]: { ...all[lang], [part]: inputValue(event) } }));
  const dir = RTL_LOCALES.has(lang) ? 'rtl' : 'ltr';
  return (
    <form onSubmit={save} noValidate data-testid={`setting-${name}`}>
      <div class="field">
        <label for="info-lang">{t('console.info.language')}</label>
        <select id="info-lang" value={lang} onChange={(e) => setLang(inputValue(e) as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {l.toUpperCase()}
            </option>
          ))}
        </select>
      </div>
      <Field id="info-title" label={t('console.info.pageTitle')} error={fields[`value.texts.${lang}.title`]}>
        {(describedBy, invalid) => <input id="info-title" type="text" lang={lang} dir={dir} maxLength={MAX_INFO_TITLE} value={texts[lang].title} onInput={setText('title')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <Field id="info-body" label={t('console.info.body')} hint={t('console.info.bodyHint')} error={fields[`value.texts.${lang}.body`]}>
        {(describedBy, invalid) => <textarea id="info-body" lang={lang} dir={dir} rows={14} maxLength={MAX_INFO_BODY} value={texts[lang].body} onInput={setText('body')} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      {contact && (
        <>
          <Field id="info-email" label={t('console.info.email')} error={fields['value.contact.email']}>
            {(describedBy, invalid) => <input id="info-email" type="email" dir="ltr" value={contact.email} onInput={(e) => setContact({ ...contact, email: inputValue(e) })} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
          <Field id="info-phone" label={t('console.info.phone')} hint={t('console.info.phoneHint')} error={fields['value.contact.phone']}>
            {(describedBy, invalid) => <input id="info-phone" type="tel" dir="ltr" value={contact.phone} onInput={(e) => setContact({ ...contact, phone: inputValue(e) })} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
          <Field id="info-address" label={t('console.info.address')} error={fields['value.contact.address']}>
            {(describedBy, invalid) => <textarea id="info-address" rows={3} value={contact.address} onInput={(e) => setContact({ ...contact, address: inputValue(e) })} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
        </>
      )}
      <div class="form-actions">
        <button type="submit" class="button" disabled={status.state === 'saving'}>
          {t('console.settings.save')}
        </button>
        <SaveStatus state={status.state} message={status.message} />
      </div>
      <p class="hint">{page.updatedAt ? t('console.info.lastChange', { date: formatWhen(page.updatedAt, locale, true), version: String(page.version) }) : t('console.settings.neverChanged')}</p>
      <History key={page.version} name={name} version={page.version} />
    </form>
  );
}
