import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyProduct } from '../../../shared/api/artisan.ts';
import type { ProductImage } from '../../../shared/domain/catalogue.ts';
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGES_PER_PRODUCT, MAX_UPLOAD_BYTES } from '../../../shared/domain/images.ts';
import { imageUrl } from '../api.ts';
import { formatNumber } from '../format.ts';
import { sellerApi } from './api.ts';
import { checkFile, type FileProblem } from './checks.ts';
import { useT, type SellerT } from './i18n/index.ts';
import { apiErrors } from './ui.tsx';
import { UploadError } from './upload.ts';
import { MAX_PICKED_BYTES, preparePhoto, type Prepared } from './photos/resize.ts';
import { sendWithRetry } from './photos/send.ts';

/**
 * Product photos: take one with the phone's camera or pick several; each is made smaller on the
 * phone first (photos/resize.ts: ≤ 2048 px, WebP or JPEG), gets its own progress bar
 * (XMLHttpRequest), is sent again by itself when the network drops (photos/retry.ts: backoff,
 * a fresh signature for the same photo, so never a duplicate), then "processing…" until the
 * server has made its web sizes (or refused it, with the reason). Reorder by dragging or with
 * the buttons; the first photo is the cover.
 */
type Phase = 'invalid' | 'queued' | 'starting' | 'uploading' | 'waiting' | 'failed' | 'done';

interface LocalUpload {
  localId: string;
  file: File;
  previewUrl: string;
  phase: Phase;
  progress: number;
  problem?: FileProblem;
  error?: string;
  imageId?: string;
  /** The smaller photo that goes up (made once, kept for the retries). */
  prepared?: Prepared;
  /** Seconds before the next try by itself (phase 'waiting'). */
  retryIn?: number;
}

const isSending = (phase: Phase) => phase === 'starting' || phase === 'uploading' || phase === 'waiting';

const CONCURRENT = 2;
const POLL_MS = 1500;

/** The smallest web size for a thumbnail, else the image's own key. */
export function thumbKey(image: ProductImage): string {
  return image.variants?.[0]?.key ?? image.key;
}

const isPending = (image: ProductImage) => image.status === 'uploading' || image.status === 'processing';

/** The processing function's reasons are English; known ones get the artisan's language. */
function rejectedText(t: SellerT, reason: string | undefined): string {
  const r = (reason ?? '').toLowerCase();
  if (r.includes('not a photo')) return t('photos.rejectedNotPhoto');
  if (r.includes('too large')) return t('photos.rejectedTooLarge');
  if (r.includes('could not be read')) return t('photos.rejectedUnreadable');
  return reason ? `${t('photos.rejected')} ${reason}` : t('photos.rejected');
}

export function PhotoManager({ mine, onChange }: { mine: MyProduct; onChange: (next: MyProduct) => void }): JSX.Element {
  const { t, locale } = useT();
  const productId = mine.product.id;
  const uploads = useRef<LocalUpload[]>([]);
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((v) => v + 1);
  const [announcement, setAnnouncement] = useState('');
  const [arrangeError, setArrangeError] = useState<string>();
  const latest = useRef(mine);
  latest.current = mine;
  const dragged = useRef<string>();
  const list = useRef<HTMLUListElement>(null);
  const n = (value: number) => formatNumber(value, locale);

  useEffect(() => () => uploads.current.forEach((u) => URL.revokeObjectURL(u.previewUrl)), []);

  const images = [...mine.images].sort((a, b) => a.position - b.position);
  const byImageId = new Map(uploads.current.filter((u) => u.imageId).map((u) => [u.imageId!, u]));
  const localOnly = uploads.current.filter((u) => !u.imageId || !images.some((i) => i.id === u.imageId));
  const active = uploads.current.filter((u) => isSending(u.phase) || u.phase === 'queued');
  const pollNeeded = images.some(isPending) || uploads.current.some((u) => u.phase === 'done' && images.find((i) => i.id === u.imageId && isPending(i)));

  // Poll the product while the server is still processing photos.
  useEffect(() => {
    if (!pollNeeded) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const fresh = await sellerApi.product(productId);
        if (stopped) return;
        for (const image of fresh.images) {
          const before = latest.current.images.find((i) => i.id === image.id);
          if (before && isPending(before) && image.status === 'ready') setAnnouncement(t('photos.nowReady'));
          if (before && isPending(before) && image.status === 'rejected') setAnnouncement(rejectedText(t, image.rejectedReason));
        }
        onChange(fresh);
      } catch {
        // a missed poll on a flaky network: the next one tries again
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [pollNeeded, productId]);

  const pump = () => {
    while (uploads.current.filter((u) => isSending(u.phase)).length < CONCURRENT) {
      const next = uploads.current.find((u) => u.phase === 'queued');
      if (!next) break;
      void run(next);
    }
  };

  const run = async (upload: LocalUpload) => {
    upload.phase = 'starting';
    upload.progress = 0;
    upload.error = undefined;
    rerender();
    try {
      const prepared = (upload.prepared ??= await preparePhoto(upload.file));
      if (prepared.sentBytes > MAX_UPLOAD_BYTES) throw new UploadError('EntityTooLarge', 'too large');
      let lastAnnounced = 0;
      await sendWithRetry({
        blob: prepared.blob,
        ...(upload.imageId ? { resume: upload.imageId } : {}),
        sign: async (resumeId) => {
          upload.phase = 'starting';
          upload.progress = 0;
          rerender();
          const started = await sellerApi.startUpload(productId, { contentType: prepared.type, size: prepared.sentBytes, ...(resumeId ? { imageId: resumeId } : {}) });
          upload.imageId = started.image.id;
          onChange({ ...latest.current, images: [...latest.current.images.filter((i) => i.id !== started.image.id), started.image] });
          return { id: started.image.id, upload: started.upload };
        },
        onSigned: () => {
          upload.phase = 'uploading';
          rerender();
        },
        onProgress: (fraction) => {
          upload.progress = fraction;
          // Screen readers hear every quarter, not every event.
          const quarter = Math.floor(fraction * 4);
          if (quarter > lastAnnounced && quarter < 4) {
            lastAnnounced = quarter;
            setAnnouncement(t('photos.progressOf', { name: upload.file.name, percent: n(quarter * 25) }));
          }
          rerender();
        },
        onWaiting: (seconds) => {
          upload.phase = 'waiting';
          upload.retryIn = seconds;
          setAnnouncement(t('photos.retrying', { name: upload.file.name, s: n(seconds) }));
          rerender();
        },
      });
      upload.phase = 'done';
      setAnnouncement(t('photos.sent', { name: upload.file.name }));
      onChange({ ...latest.current, images: latest.current.images.map((i) => (i.id === upload.imageId && i.status === 'uploading' ? { ...i, status: 'processing' } : i)) });
    } catch (error) {
      upload.phase = 'failed';
      upload.error =
        error instanceof UploadError
          ? error.code === 'network'
            ? t('photos.failedNetwork')
            : error.code === 'EntityTooLarge'
              ? t('photos.tooBig', { mb: n(MAX_UPLOAD_BYTES / 1024 / 1024) })
              : error.code === 'AccessDenied' && /expired/i.test(error.message)
                ? t('photos.expired')
                : `${t('photos.failed')} (${error.code})`
          : apiErrors(t, error).message;
      setAnnouncement(`${upload.file.name}: ${upload.error}`);
    }
    rerender();
    pump();
  };

  const addFiles = (files: FileList | null) => {
    if (!files?.length) return;
    const room = MAX_IMAGES_PER_PRODUCT - images.filter((i) => i.status !== 'rejected').length - active.length;
    let added = 0;
    for (const file of Array.from(files)) {
      // Up to 40 MB: the phone makes it smaller first; what is sent must fit the server's 10 MB.
      const problem = checkFile(file, MAX_PICKED_BYTES);
      const upload: LocalUpload = { localId: `up-${Date.now()}-${Math.random().toString(36).slice(2)}`, file, previewUrl: '', phase: 'queued', progress: 0 };
      if (problem) {
        upload.phase = 'invalid';
        upload.problem = problem;
      } else if (added >= room) {
        upload.phase = 'invalid';
        upload.error = t('photos.tooMany', { n: n(MAX_IMAGES_PER_PRODUCT) });
      } else {
        upload.previewUrl = URL.createObjectURL(file);
        added++;
      }
      uploads.current = [...uploads.current, upload];
    }
    rerender();
    pump();
  };

  /** The artisan's own retry after the automatic ones gave up: the same photo, a fresh signature. */
  const retry = (upload: LocalUpload) => {
    upload.phase = 'queued';
    rerender();
    pump();
  };

  const dismiss = (upload: LocalUpload) => {
    URL.revokeObjectURL(upload.previewUrl);
    uploads.current = uploads.current.filter((u) => u !== upload);
    rerender();
  };

  const arrange = async (ids: string[], message: string) => {
    const before = latest.current;
    const positions = new Map(ids.map((id, index) => [id, index]));
    onChange({ ...before, images: before.images.map((i) => ({ ...i, position: positions.get(i.id) ?? i.position })) });
    setArrangeError(undefined);
    try {
      const saved = (await sellerApi.arrangeImages(productId, ids)) as MyProduct | undefined;
      if (saved && 'images' in saved) onChange(saved);
      setAnnouncement(message);
    } catch (error) {
      onChange(before);
      setArrangeError(apiErrors(t, error).message);
    }
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= images.length || from === to) return;
    const ids = images.map((i) => i.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    void arrange(ids, to === 0 ? t('photos.isCover') : t('photos.movedTo', { n: n(to + 1), total: n(ids.length) }));
    // Keep the keyboard where it was: on the moved photo's card.
    setTimeout(() => list.current?.querySelector<HTMLElement>(`[data-image="${id}"] .photo-move-${to < from ? 'up' : 'down'}`)?.focus() ?? list.current?.querySelector<HTMLElement>(`[data-image="${id}"] button`)?.focus(), 50);
  };

  const remove = async (image: ProductImage) => {
    if (!confirm(t('photos.confirmRemove'))) return;
    try {
      const next = (await sellerApi.removeImage(productId, image.id)) as MyProduct;
      onChange(next && 'images' in next ? next : { ...latest.current, images: latest.current.images.filter((i) => i.id !== image.id) });
      uploads.current = uploads.current.filter((u) => u.imageId !== image.id);
      setAnnouncement(t('photos.removed'));
    } catch (error) {
      setArrangeError(apiErrors(t, error).message);
    }
  };

  const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${formatNumber(Math.round(bytes / 104857.6) / 10, locale)} ${t('photos.mbUnit')}` : `${n(Math.max(1, Math.round(bytes / 1024)))} ${t('photos.kbUnit')}`);

  /** "Made lighter: 6.1 MB → 420 kB", with both sizes in bytes for the tests and the benchmark. */
  const savedNote = (upload: LocalUpload) =>
    upload.prepared && upload.prepared.sentBytes < upload.prepared.originalBytes ? (
      <p class="upload-saved hint" data-testid="upload-saved" data-original-bytes={upload.prepared.originalBytes} data-sent-bytes={upload.prepared.sentBytes}>
        {t('photos.lighter', { from: sizeText(upload.prepared.originalBytes), to: sizeText(upload.prepared.sentBytes) })}
      </p>
    ) : null;

  const progressBar = (upload: LocalUpload) => {
    const percent = Math.round(upload.progress * 100);
    return (
      <div class="upload-progress">
        <progress max={100} value={percent} aria-label={t('photos.progressLabel', { name: upload.file.name })} />
        <span class="upload-percent">
          {upload.phase === 'starting' ? t('photos.preparing') : upload.phase === 'waiting' ? t('photos.retryingIn', { s: n(upload.retryIn ?? 1) }) : `${n(percent)} %`}
        </span>
      </div>
    );
  };

  const onDrop = (targetIndex: number) => (event: DragEvent) => {
    event.preventDefault();
    const from = images.findIndex((i) => i.id === dragged.current);
    dragged.current = undefined;
    if (from >= 0) move(from, targetIndex);
  };

  const readyCount = images.filter((i) => i.status === undefined || i.status === 'ready').length;

  return (
    <section class="photos" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('photos.title')}</h2>
      <p class="hint">{t('photos.rules', { mb: n(MAX_PICKED_BYTES / 1024 / 1024), max: n(MAX_IMAGES_PER_PRODUCT) })}</p>
      <div class="photo-pickers">
        <label class="button photo-picker">
          <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M4 8h3l2-3h6l2 3h3v11H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
            <circle cx="12" cy="13" r="3.5" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
          {t('photos.takePhoto')}
          <input type="file" class="visually-hidden" accept={ACCEPTED_IMAGE_TYPES.join(',')} capture="environment" onChange={(e) => { addFiles((e.currentTarget as HTMLInputElement).files); (e.currentTarget as HTMLInputElement).value = ''; }} />
        </label>
        <label class="button button-secondary photo-picker">
          <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <rect x="3" y="5" width="18" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M3 16l5-5 4 4 3-3 6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          </svg>
          {t('photos.choose')}
          <input type="file" class="visually-hidden" data-testid="photo-input" accept={ACCEPTED_IMAGE_TYPES.join(',')} multiple onChange={(e) => { addFiles((e.currentTarget as HTMLInputElement).files); (e.currentTarget as HTMLInputElement).value = ''; }} />
        </label>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {arrangeError && (
        <p class="form-error" role="alert">
          {arrangeError}
        </p>
      )}
      {images.length === 0 && localOnly.length === 0 && <p class="empty-photos">{t('photos.none')}</p>}
      <ul class="photo-list" role="list" ref={list}>
        {images.map((image, index) => {
          const local = byImageId.get(image.id);
          const uploading = local && local.phase !== 'done';
          const ready = image.status === undefined || image.status === 'ready';
          const src = ready ? imageUrl(thumbKey(image)) : local?.previewUrl;
          return (
            <li
              key={image.id}
              data-image={image.id}
              class={`photo-card photo-${uploading ? local!.phase : (image.status ?? 'ready')}`}
              draggable={ready}
              onDragStart={() => (dragged.current = image.id)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(index)}
            >
              <div class="photo-thumb">
                {src ? <img src={src} alt={t('photos.alt', { n: n(index + 1) })} width={120} height={120} /> : <div class="img placeholder" />}
                {index === 0 && ready && <span class="cover-badge">{t('photos.cover')}</span>}
              </div>
              <div class="photo-body">
                <p class="photo-name">{local?.file.name ?? t('photos.alt', { n: n(index + 1) })}</p>
                {uploading && local!.phase !== 'failed' && progressBar(local!)}
                {local && savedNote(local)}
                {uploading && local!.phase === 'failed' && (
                  <>
                    <p class="field-error">{local!.error}</p>
                    <button type="button" class="button button-small" onClick={() => retry(local!)}>
                      {t('photos.retry')}
                    </button>
                  </>
                )}
                {!uploading && isPending(image) && (
                  <p class="photo-status" data-testid="photo-processing">
                    <span class="spinner" aria-hidden="true" /> {t('photos.processing')}
                  </p>
                )}
                {!uploading && image.status === 'rejected' && <p class="field-error">{rejectedText(t, image.rejectedReason)}</p>}
                {ready && (
                  <p class="photo-status photo-ready" data-testid="photo-ready">
                    ✓ {t('photos.ready')}
                  </p>
                )}
                <div class="photo-actions">
                  {ready && index > 0 && (
                    <button type="button" class="button-link" onClick={() => move(index, 0)}>
                      {t('photos.makeCover')}
                    </button>
                  )}
                  {images.length > 1 && (
                    <>
                      <button type="button" class="icon-button photo-move-up" disabled={index === 0} aria-label={t('photos.moveEarlier', { n: n(index + 1) })} onClick={() => move(index, index - 1)}>
                        ↑
                      </button>
                      <button type="button" class="icon-button photo-move-down" disabled={index === images.length - 1} aria-label={t('photos.moveLater', { n: n(index + 1) })} onClick={() => move(index, index + 1)}>
                        ↓
                      </button>
                    </>
                  )}
                  {!uploading && (
                    <button type="button" class="button-link danger" onClick={() => remove(image)}>
                      {t('photos.remove')}
                    </button>
                  )}
                </div>
              </div>
            </li>
          );
        })}
        {localOnly.map((upload) => (
          <li key={upload.localId} class={`photo-card photo-${upload.phase}`}>
            <div class="photo-thumb">{upload.previewUrl ? <img src={upload.previewUrl} alt="" width={120} height={120} /> : <div class="img placeholder" />}</div>
            <div class="photo-body">
              <p class="photo-name">{upload.file.name}</p>
              {upload.phase === 'invalid' && (
                <p class="field-error">
                  {upload.problem === 'type'
                    ? t('photos.wrongType')
                    : upload.problem === 'size'
                      ? t('photos.tooBig', { mb: n(MAX_PICKED_BYTES / 1024 / 1024) })
                      : upload.problem === 'empty'
                        ? t('photos.empty')
                        : upload.error}
                </p>
              )}
              {(upload.phase === 'queued' || isSending(upload.phase)) && progressBar(upload)}
              {savedNote(upload)}
              {upload.phase === 'failed' && (
                <>
                  <p class="field-error">{upload.error}</p>
                  <button type="button" class="button button-small" onClick={() => retry(upload)}>
                    {t('photos.retry')}
                  </button>
                </>
              )}
              {(upload.phase === 'invalid' || upload.phase === 'failed') && (
                <button type="button" class="button-link" onClick={() => dismiss(upload)}>
                  {t('photos.dismiss')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {images.length > 1 && <p class="hint">{t('photos.orderHint')}</p>}
      <p class="visually-hidden">{t('photos.readyCount', { n: n(readyCount) })}</p>
    </section>
  );
}
