import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyProduct } from '../../../shared/api/artisan.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { formatMad, formatNumber } from '../format.ts';
import { useAsync, useTitle } from '../hooks.ts';
import { paths } from '../router.ts';
import { sellerApi } from './api.ts';
import { useMe } from './Dashboard.tsx';
import { useT, type SellerKey } from './i18n/index.ts';
import { PhotoManager } from './PhotoManager.tsx';
import { asMyProduct, ProductFields } from './ProductEditor.tsx';
import { SellingTermsNote } from './SellingTermsNote.tsx';
import { ShopForm } from './ShopForm.tsx';
import { apiErrors, SaveStatus, Tip } from './ui.tsx';
import { canVisit, nextStep, ONBOARDING_STEPS, previousStep, publishChecklist, resume, stepIndex, stepNumber, type OnboardingStep, type WizardState } from './wizard.ts';

/**
 * The guided onboarding — the "initial training": one step per screen, short tips in the
 * artisan's language, saved on the server at each step so they can stop and come back.
 */
export function Wizard(): JSX.Element {
  const { t } = useT();
  const { me } = useMe();
  const [state, setState] = useState<WizardState>(() => resume(me.onboarding));
  const [furthest, setFurthest] = useState<OnboardingStep>(state.step);
  const [saving, setSaving] = useState<{ state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ state: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useTitle(`${t('wizard.title')} · ${t(`wizard.step.${state.step}` as SellerKey)}`);

  const product = useAsync<MyProduct | undefined>((signal) => (state.productId ? sellerApi.product(state.productId, signal) : Promise.resolve(undefined)), [state.productId]);
  const [mine, setMine] = useState<MyProduct>();
  useEffect(() => {
    if (product.status === 'ok') setMine(product.data);
  }, [product.status]);

  // Each new step: focus its heading, so screen readers and keyboards start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [state.step]);

  const goTo = async (next: WizardState) => {
    setSaving({ state: 'saving' });
    try {
      await sellerApi.saveOnboarding({ step: next.step, ...(next.productId ? { productId: next.productId } : {}), ...(next.finished ? { finished: true } : {}) });
      setState(next);
      if (stepIndex(next.step) > stepIndex(furthest)) setFurthest(next.step);
      setSaving({ state: 'saved', message: t('wizard.saved') });
    } catch (error) {
      setSaving({ state: 'error', message: apiErrors(t, error).message });
    }
  };
  const advance = (productId = state.productId) => {
    const step = nextStep(state.step);
    if (step) void goTo({ ...state, step, ...(productId ? { productId } : {}) });
  };

  const current = state.step;
  return (
    <section class="section wizard">
      <p class="kicker">{t('wizard.title')}</p>
      <nav aria-label={t('wizard.progress')}>
        <p class="wizard-count" aria-hidden="true">
          {t('wizard.stepOf', { n: stepNumber(current), total: ONBOARDING_STEPS.length })}
        </p>
        <ol class="wizard-steps" style={{ '--done': String(state.finished ? 1 : stepIndex(current) / (ONBOARDING_STEPS.length - 1)) }}>
          {ONBOARDING_STEPS.map((step, index) => {
            const done = state.finished || index < stepIndex(current);
            const visitable = step !== current && canVisit(step, state, furthest);
            const label = (
              <>
                <span class="wizard-dot" aria-hidden="true">
                  {done ? '✓' : index + 1}
                </span>
                <span class="wizard-label">{t(`wizard.step.${step}` as SellerKey)}</span>
                <span class="visually-hidden">{done ? ` — ${t('wizard.done')}` : ''}</span>
              </>
            );
            return (
              <li key={step} class={`${done ? 'done' : ''} ${step === current ? 'current' : ''}`} aria-current={step === current ? 'step' : undefined}>
                {visitable ? (
                  <button type="button" class="wizard-jump" onClick={() => setState({ ...state, step })}>
                    {label}
                  </button>
                ) : (
                  <span class="wizard-jump">{label}</span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <h1 ref={heading} tabIndex={-1} class="wizard-heading">
        {t('wizard.stepOf', { n: stepNumber(current), total: ONBOARDING_STEPS.length })} — {t(`wizard.heading.${current}` as SellerKey)}
      </h1>
      <SaveStatus state={saving.state} message={saving.message} />

      {current === 'profile' && (
        <>
          <p class="lead">{t('wizard.profileIntro')}</p>
          <SellingTermsNote />
          <Tip title={t('tips.storyTitle')}>
            <p>{t('tips.story')}</p>
          </Tip>
          {me.shop && <ShopForm mode="edit" shop={me.shop} submitLabel={t('wizard.saveContinue')} onSaved={() => advance()} />}
        </>
      )}

      {current === 'product' && (
        <>
          <p class="lead">{t('wizard.productIntro')}</p>
          {product.status === 'loading' && state.productId ? (
            <Loading />
          ) : (
            <ProductFields
              key={mine?.product.id ?? 'new'}
              mine={mine}
              tips
              submitLabel={t('wizard.saveContinue')}
              onSaved={(saved) => {
                setMine(saved);
                advance(saved.product.id);
              }}
            />
          )}
        </>
      )}

      {current === 'photos' && (
        <>
          <p class="lead">{t('wizard.photosIntro')}</p>
          <Tip title={t('tips.photoTitle')}>
            <ul>
              <li>{t('tips.photo1')}</li>
              <li>{t('tips.photo2')}</li>
              <li>{t('tips.photo3')}</li>
              <li>{t('tips.photo4')}</li>
            </ul>
          </Tip>
          {product.status === 'error' && <ErrorState error={product.error} onRetry={product.retry} />}
          {!mine && product.status !== 'error' && <Loading />}
          {mine && <PhotoManager mine={mine} onChange={setMine} />}
          {mine && (
            <div class="form-actions">
              <BackButton state={state} setState={setState} />
              <button type="button" class="button" disabled={!publishChecklist({ ...mine.product, variants: mine.variants, images: mine.images }).photo} onClick={() => advance()}>
                {t('wizard.continue')}
              </button>
              {!publishChecklist({ ...mine.product, variants: mine.variants, images: mine.images }).photo && <p class="hint">{t('wizard.photoNeeded')}</p>}
            </div>
          )}
        </>
      )}

      {current === 'publish' && mine && (
        <PublishStep
          mine={mine}
          finished={state.finished}
          onPublished={async (published) => {
            setMine(published);
            await goTo({ ...state, finished: true });
          }}
          back={<BackButton state={state} setState={setState} />}
        />
      )}
      {current === 'publish' && !mine && (product.status === 'error' ? <ErrorState error={product.error} onRetry={product.retry} /> : <Loading />)}
      {current !== 'photos' && current !== 'publish' && current !== 'profile' && (
        <div class="form-actions">
          <BackButton state={state} setState={setState} />
        </div>
      )}
    </section>
  );
}

function BackButton({ state, setState }: { state: WizardState; setState: (s: WizardState) => void }): JSX.Element | null {
  const { t } = useT();
  const previous = previousStep(state.step);
  if (!previous) return null;
  return (
    <button type="button" class="button button-secondary" onClick={() => setState({ ...state, step: previous })}>
      {t('wizard.back')}
    </button>
  );
}

function PublishStep({ mine, finished, onPublished, back }: { mine: MyProduct; finished: boolean; onPublished: (p: MyProduct) => Promise<void>; back: JSX.Element }): JSX.Element {
  const { t, locale } = useT();
  const [status, setStatus] = useState<{ state: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ state: 'idle' });
  const checks = publishChecklist({ ...mine.product, variants: mine.variants, images: mine.images });
  const ready = Object.values(checks).every(Boolean);
  const published = mine.product.status === 'published';
  const items: [keyof typeof checks, SellerKey][] = [
    ['title', 'check.title'],
    ['description', 'check.description'],
    ['price', 'check.price'],
    ['stock', 'check.stock'],
    ['photo', 'check.photo'],
  ];

  const publish = async () => {
    setStatus({ state: 'saving' });
    try {
      const next = asMyProduct(await sellerApi.setStatus(mine.product.id, 'published'), mine);
      await onPublished(next);
      setStatus({ state: 'saved', message: t('wizard.publishedNow') });
    } catch (error) {
      const { fields, message } = apiErrors(t, error);
      setStatus({ state: 'error', message: fields.images ? t('editor.needsPhoto') : message });
    }
  };

  if (published && finished) {
    return (
      <div class="celebrate" data-testid="wizard-done">
        <h2>{t('wizard.doneTitle')}</h2>
        <p>{t('wizard.doneText')}</p>
        <div class="actions">
          <a class="button" href={paths.product(mine.product.id)}>
            {t('wizard.seeLive')}
          </a>
          <a class="button button-secondary" href={paths.newProduct()}>
            {t('list.new')}
          </a>
          <a class="button button-secondary" href={paths.myProducts()}>
            {t('dash.products')}
          </a>
        </div>
      </div>
    );
  }

  return (
    <>
      <p class="lead">{t('wizard.publishIntro')}</p>
      <SellingTermsNote />
      <ul class="checklist" role="list">
        {items.map(([key, label]) => (
          <li key={key} class={checks[key] ? 'ok' : 'todo'}>
            <span aria-hidden="true">{checks[key] ? '✓' : '!'}</span> {t(label)}
            <span class="visually-hidden">{checks[key] ? ` — ${t('wizard.done')}` : ` — ${t('wizard.todo')}`}</span>
          </li>
        ))}
      </ul>
      <p>
        {t('wizard.summary', {
          price: formatMad(mine.product.price, locale),
          n: formatNumber(mine.variants.length, locale),
          photos: formatNumber(mine.images.filter((i) => i.status === undefined || i.status === 'ready').length, locale),
        })}
      </p>
      <div class="form-actions">
        {back}
        <a class="button button-secondary" href={paths.previewProduct(mine.product.id)}>
          {t('editor.preview')}
        </a>
        <button type="button" class="button" onClick={publish} disabled={!ready || status.state === 'saving'}>
          {published ? t('wizard.finish') : t('editor.publish')}
        </button>
      </div>
      {!ready && <p class="hint">{t('wizard.fixFirst')}</p>}
      <SaveStatus state={status.state} message={status.message} />
    </>
  );
}
