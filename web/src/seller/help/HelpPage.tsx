import type { JSX } from 'preact';
import { hasHelpContact, type ArtisanHelpContact } from '../../../../shared/domain/shipping-help/help-contact.ts';
import { whatsappDigits } from '../../../../shared/domain/shipping-help/whatsapp.ts';
import { useSession } from '../../auth/session.ts';
import { useAreaMessages } from '../../area-messages.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { useAsync, useTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/context.ts';
import { paths } from '../../router.ts';
import { sellerApi } from '../api.ts';
import { helpTranslator, loadedHelpMessages, loadHelpMessages, type HelpT } from './i18n/index.ts';
import './help.css';

/**
 * Where artisans get help: the centre's phone, WhatsApp, e-mail, address and hours, as operators
 * set them (the `artisan-help` setting, edited in the console). Nothing is written here: until an
 * operator fills them in, the page says so. Open to visitors too, as the sell page links here.
 */
export function HelpPage(): JSX.Element {
  const { locale } = useI18n();
  const session = useSession();
  const { messages, failed, retry } = useAreaMessages(locale, loadedHelpMessages, loadHelpMessages);
  const help = useAsync((signal) => sellerApi.help(signal), []);
  useTitle(messages?.['help.title']);
  if (failed && !messages) return <section class="section"><ErrorState error={failed} onRetry={retry} /></section>;
  if (!messages) return <section class="section"><Loading /></section>;
  const t = helpTranslator(messages);
  return (
    <section class="section help-page" aria-labelledby="help-title" data-testid="help-page">
      <h1 id="help-title">{t('help.title')}</h1>
      <p class="lead">{t('help.intro')}</p>
      {help.status === 'loading' && <Loading />}
      {help.status === 'error' && <ErrorState error={help.error} onRetry={help.retry} />}
      {help.status === 'ok' &&
        (hasHelpContact(help.data.contact) ? (
          <Contacts contact={help.data.contact} t={t} />
        ) : (
          <p class="empty" data-testid="help-not-set">
            {t('help.notSet')}
          </p>
        ))}
      {session && (
        <p>
          <a href={paths.dashboard()}>{t('help.back')}</a>
        </p>
      )}
    </section>
  );
}

function Contacts({ contact, t }: { contact: ArtisanHelpContact; t: HelpT }): JSX.Element {
  const wa = contact.whatsapp ? whatsappDigits(contact.whatsapp) : undefined;
  return (
    <dl class="help-contacts" data-testid="help-contacts">
      {contact.phone && (
        <div>
          <dt>{t('help.phone')}</dt>
          <dd>
            <a href={`tel:${contact.phone}`} aria-label={t('help.call', { phone: contact.phone })} data-testid="help-phone">
              <bdi dir="ltr">{contact.phone}</bdi>
            </a>
          </dd>
        </div>
      )}
      {wa && (
        <div>
          <dt>{t('help.whatsapp')}</dt>
          <dd>
            <a href={`https://wa.me/${wa}?text=${encodeURIComponent(t('help.whatsappText'))}`} rel="noopener" target="_blank" data-testid="help-whatsapp">
              <bdi dir="ltr">{contact.whatsapp}</bdi>
            </a>{' '}
            <span class="hint">{t('help.writeWhatsapp')}</span>
          </dd>
        </div>
      )}
      {contact.email && (
        <div>
          <dt>{t('help.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`} dir="ltr" data-testid="help-email">
              {contact.email}
            </a>
          </dd>
        </div>
      )}
      {contact.address && (
        <div>
          <dt>{t('help.address')}</dt>
          <dd class="help-multiline" data-testid="help-address">
            {contact.address}
          </dd>
        </div>
      )}
      {contact.hours && (
        <div>
          <dt>{t('help.hours')}</dt>
          <dd class="help-multiline" data-testid="help-hours">
            {contact.hours}
          </dd>
        </div>
      )}
    </dl>
  );
}
