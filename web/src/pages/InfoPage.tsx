import type { JSX } from 'preact';
import type { InfoPageSlug, InfoPageView } from '../../../shared/domain/info-pages/index.ts';
import { api } from '../api.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useAsync, useTitle } from '../hooks.ts';
import { useI18n } from '../i18n/context.ts';

/** A store information page (about, contact, legal notice, terms, returns, privacy) in the page's language, as operators wrote it. */
export function InfoPage({ slug }: { slug: InfoPageSlug }): JSX.Element {
  const page = useAsync((signal) => api.infoPage(slug, signal), [slug]);
  if (page.status === 'loading') return <section class="section narrow"><Loading /></section>;
  if (page.status === 'error') return <section class="section narrow"><ErrorState error={page.error} onRetry={page.retry} /></section>;
  return <InfoPageText page={page.data} />;
}

function InfoPageText({ page }: { page: InfoPageView }): JSX.Element {
  const { t, locale } = useI18n();
  const { title, body } = page.texts[locale];
  useTitle(title);
  return (
    <article class="section narrow info-page" data-testid={`info-${page.slug}`}>
      <h1>{title}</h1>
      <div class="prose">{blocks(body)}</div>
      {page.contact && <Contact contact={page.contact} />}
      {page.updatedAt && <p class="hint">{t('info.updated', { date: new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA-u-nu-latn' : locale, { dateStyle: 'long' }).format(new Date(page.updatedAt)) })}</p>}
    </article>
  );
}

/** Plain text to paragraphs: blank lines between them, `## ` starts a heading. Never markup. */
function blocks(body: string): JSX.Element[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .flatMap((block, index) => {
      const [first = '', ...rest] = block.split('\n');
      if (!first.startsWith('## ')) return [<p key={index}>{block}</p>];
      const heading = <h2 key={`${index}h`}>{first.slice(3)}</h2>;
      return rest.length ? [heading, <p key={index}>{rest.join('\n')}</p>] : [heading];
    });
}

function Contact({ contact }: { contact: NonNullable<InfoPageView['contact']> }): JSX.Element | null {
  const { t } = useI18n();
  if (!contact.email && !contact.phone && !contact.address) return null;
  return (
    <dl class="details info-contact">
      {contact.email && (
        <div>
          <dt>{t('info.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`} dir="ltr">{contact.email}</a>
          </dd>
        </div>
      )}
      {contact.phone && (
        <div>
          <dt>{t('info.phone')}</dt>
          <dd>
            <a href={`tel:${contact.phone}`} dir="ltr">{contact.phone}</a>
          </dd>
        </div>
      )}
      {contact.address && (
        <div>
          <dt>{t('info.address')}</dt>
          <dd class="info-address">{contact.address}</dd>
        </div>
      )}
    </dl>
  );
}
