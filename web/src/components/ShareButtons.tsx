import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/context.ts';

/** A WhatsApp "click to chat" link that opens the chooser with the text filled in (wa.me, no number). */
export const whatsAppShareUrl = (text: string, url: string) => `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`;

/**
 * Share a product or a shop: WhatsApp first (how people in Morocco pass a link on), then copy the
 * link, then the phone's own share sheet where the browser has one (Web Share API). The link is
 * the page's URL in the language it is read in, so the preview a friend sees is in that language.
 */
export function ShareButtons({ path, title }: { path: string; title: string }): JSX.Element {
  const { t } = useI18n();
  const url = `${location.origin}${path}`;
  const text = t('share.text', { title });
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [canShare, setCanShare] = useState(false);
  const reset = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setCanShare(typeof navigator.share === 'function' && (navigator.canShare?.({ url }) ?? true));
    return () => clearTimeout(reset.current);
  }, [url]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    clearTimeout(reset.current);
    reset.current = setTimeout(() => setCopied('idle'), 4000);
  };
  const share = () => navigator.share({ title, text, url }).catch(() => {});

  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="share-title">{t('share.title')}</h2>
      <ul class="share-buttons" role="list">
        <li>
          <a class="button share-whatsapp" href={whatsAppShareUrl(text, url)} target="_blank" rel="noopener noreferrer external" data-testid="share-whatsapp">
            <WhatsAppIcon />
            <span>{t('share.whatsapp')}</span>
          </a>
        </li>
        <li>
          <button type="button" class="button button-secondary" onClick={copy} data-testid="share-copy">
            {t('share.copy')}
          </button>
        </li>
        {canShare && (
          <li>
            <button type="button" class="button button-secondary" onClick={share} data-testid="share-native">
              {t('share.more')}
            </button>
          </li>
        )}
      </ul>
      <p class="share-status" role="status" aria-live="polite">
        {copied === 'copied' && t('share.copied')}
        {copied === 'failed' && (
          <>
            {t('share.copyFailed')} <input class="share-url" readOnly value={url} dir="ltr" aria-label={t('share.copy')} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          </>
        )}
      </p>
    </section>
  );
}

function WhatsAppIcon(): JSX.Element {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2Zm0 18.2a8.2 8.2 0 0 1-4.2-1.1l-.3-.2-3 .8.8-2.9-.2-.3A8.2 8.2 0 1 1 12 20.2Zm4.5-6.1c-.2-.1-1.5-.7-1.7-.8-.2-.1-.4-.1-.6.1l-.8 1c-.1.2-.3.2-.5.1a6.7 6.7 0 0 1-3.3-2.9c-.2-.4.2-.4.7-1.3.1-.2 0-.3 0-.4l-.8-1.9c-.2-.5-.4-.4-.6-.4h-.5a1 1 0 0 0-.7.3 3 3 0 0 0-.9 2.2 5.2 5.2 0 0 0 1.1 2.8 11.9 11.9 0 0 0 4.6 4c1.7.7 2.4.8 3.2.7.5-.1 1.5-.6 1.8-1.2.2-.6.2-1.1.1-1.2l-.5-.3Z"
      />
    </svg>
  );
}
