import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Shop } from '../../../../shared/domain/catalogue.ts';
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES, type AcceptedImageType, type ShopImageKind } from '../../../../shared/domain/images.ts';
import { imageUrl } from '../../api.ts';
import { formatNumber } from '../../format.ts';
import { sellerApi } from '../api.ts';
import { checkFile } from '../checks.ts';
import { useT } from '../i18n/index.ts';
import { MAX_PICKED_BYTES, preparePhoto } from '../photos/resize.ts';
import { sendWithRetry } from '../photos/send.ts';
import { apiErrors } from '../ui.tsx';

/**
 * The shop's logo (or portrait) and cover banner, in the shop form: each picked picture is made
 * smaller on the phone and sent like a product photo (resize.ts, send.ts: retried by itself after
 * a drop), then shown once the server has made its sizes. Saved at once, apart from the form.
 */
type Phase = 'idle' | 'sending' | 'waiting' | 'processing' | 'failed';

const FIELD = { logo: 'portraitKey', cover: 'coverKey' } as const;
const POLL_MS = 1500;
const PROCESSING_TIMEOUT_MS = 60_000;

function PictureField({ kind, shop }: { kind: ShopImageKind; shop: Shop }): JSX.Element {
  const { t, locale } = useT();
  const [key, setKey] = useState(shop[FIELD[kind]]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [retryIn, setRetryIn] = useState(0);
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<string>();
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
  }, []);
  useEffect(() => () => preview && URL.revokeObjectURL(preview), [preview]);
  const n = (value: number) => formatNumber(value, locale);

  const waitUntilShown = async (imageId: string) => {
    const until = Date.now() + PROCESSING_TIMEOUT_MS;
    while (alive.current && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      try {
        const shown = (await sellerApi.me()).shop?.[FIELD[kind]];
        if (shown?.includes(`${kind}-${imageId}-`)) return shown;
      } catch {
        // a missed poll on a flaky network: the next one tries again
      }
    }
    return undefined;
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const problem = checkFile(file, MAX_PICKED_BYTES);
    if (problem) {
      setPhase('failed');
      setError(problem === 'type' ? t('photos.wrongType') : problem === 'empty' ? t('photos.empty') : t('photos.tooBig', { mb: n(MAX_PICKED_BYTES / 1024 / 1024) }));
      return;
    }
    setError(undefined);
    setPreview(URL.createObjectURL(file));
    setPhase('sending');
    setProgress(0);
    try {
      const prepared = await preparePhoto(file);
      if (prepared.sentBytes > MAX_UPLOAD_BYTES) throw new Error(t('photos.tooBig', { mb: n(MAX_UPLOAD_BYTES / 1024 / 1024) }));
      const imageId = await sendWithRetry({
        blob: prepared.blob,
        sign: async (resumeId) => {
          const started = await sellerApi.startShopImage({ kind, contentType: prepared.type as AcceptedImageType, size: prepared.sentBytes, ...(resumeId ? { imageId: resumeId } : {}) });
          return { id: started.imageId, upload: started.upload };
        },
        onSigned: () => setPhase('sending'),
        onProgress: setProgress,
        onWaiting: (seconds) => {
          setRetryIn(seconds);
          setPhase('waiting');
        },
      });
      setPhase('processing');
      const shown = await waitUntilShown(imageId);
      if (!alive.current) return;
      if (shown) {
        setKey(shown);
        setPhase('idle');
      } else {
        setPhase('failed');
        setError(t('shopPics.notShown'));
      }
    } catch (failure) {
      setPhase('failed');
      setError(failure instanceof Error && !('status' in failure) && !('code' in failure) ? failure.message : apiErrors(t, failure).message);
    }
  };

  const busy = phase === 'sending' || phase === 'waiting' || phase === 'processing';
  const shown = busy && preview ? preview : key ? imageUrl(key) : undefined;
  return (
    <div class={`shop-picture shop-picture-${kind}`} data-testid={`shop-${kind}`}>
      <div class={`shop-picture-box shop-picture-box-${kind}`}>
        {shown ? <img src={shown} alt="" width={kind === 'logo' ? 96 : 288} height={96} /> : <span class="shop-picture-none">{t('shopPics.none')}</span>}
      </div>
      <div class="shop-picture-body">
        <p class="shop-picture-name">{t(kind === 'logo' ? 'shopPics.logo' : 'shopPics.cover')}</p>
        <p class="hint">{t(kind === 'logo' ? 'shopPics.logoHint' : 'shopPics.coverHint')}</p>
        {(phase === 'sending' || phase === 'waiting') && (
          <div class="upload-progress">
            <progress max={100} value={Math.round(progress * 100)} aria-label={t(kind === 'logo' ? 'shopPics.logo' : 'shopPics.cover')} />
            <span class="upload-percent">{phase === 'waiting' ? t('photos.retryingIn', { s: n(retryIn) }) : `${n(Math.round(progress * 100))} %`}</span>
          </div>
        )}
        {phase === 'processing' && (
          <p class="photo-status">
            <span class="spinner" aria-hidden="true" /> {t('photos.processing')}
          </p>
        )}
        {phase === 'failed' && error && <p class="field-error">{error}</p>}
        <p class="visually-hidden" role="status" aria-live="polite">
          {phase === 'idle' && key && preview ? t('shopPics.shown') : ''}
        </p>
        <label class={`button button-secondary button-small${busy ? ' is-disabled' : ''}`}>
          {t(key ? 'shopPics.change' : 'shopPics.choose')}
          <input
            type="file"
            class="visually-hidden"
            data-testid={`shop-${kind}-input`}
            accept={ACCEPTED_IMAGE_TYPES.join(',')}
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              void pick(input.files?.[0]);
              input.value = '';
            }}
          />
        </label>
      </div>
    </div>
  );
}

export function ShopPictures({ shop }: { shop: Shop }): JSX.Element {
  const { t } = useT();
  return (
    <fieldset class="shop-pictures">
      <legend>{t('shopPics.title')}</legend>
      <PictureField kind="logo" shop={shop} />
      <PictureField kind="cover" shop={shop} />
    </fieldset>
  );
}
