import type { Onboarding, OnboardingStep } from '../../../shared/api/artisan.ts';
import { ONBOARDING_STEPS } from './constants.ts';

/**
 * The guided onboarding ("initial training"): shop profile → first product → photos →
 * publish. The server keeps where the artisan stands; these rules decide where to resume.
 */
export { ONBOARDING_STEPS, type OnboardingStep };

export interface WizardState {
  step: OnboardingStep;
  productId?: string;
  finished: boolean;
}

export const stepIndex = (step: OnboardingStep) => ONBOARDING_STEPS.indexOf(step);
export const stepNumber = (step: OnboardingStep) => stepIndex(step) + 1;

export function nextStep(step: OnboardingStep): OnboardingStep | undefined {
  return ONBOARDING_STEPS[stepIndex(step) + 1];
}

export function previousStep(step: OnboardingStep): OnboardingStep | undefined {
  const index = stepIndex(step);
  return index > 0 ? ONBOARDING_STEPS[index - 1] : undefined;
}

/** Steps after "product" work on a draft: without one, go back to making it. */
export function needsProduct(step: OnboardingStep): boolean {
  return stepIndex(step) > stepIndex('product');
}

/** Where to resume from what the server saved (nothing saved: the start). */
export function resume(saved: Pick<Onboarding, 'step' | 'productId' | 'finished'> | undefined): WizardState {
  if (!saved || !(ONBOARDING_STEPS as readonly string[]).includes(saved.step)) return { step: 'profile', finished: false };
  const finished = saved.finished === true;
  if (needsProduct(saved.step) && !saved.productId) return { step: 'product', finished };
  return { step: saved.step, ...(saved.productId ? { productId: saved.productId } : {}), finished };
}

/** May the artisan jump to `target` from the progress indicator? Only to steps already reached. */
export function canVisit(target: OnboardingStep, state: WizardState, furthest: OnboardingStep): boolean {
  if (needsProduct(target) && !state.productId) return false;
  return stepIndex(target) <= stepIndex(furthest);
}

/** What still stands between a draft and publishing it (as message keys the wizard shows). */
export function publishChecklist(product: {
  title: Record<string, string | undefined>;
  description: Record<string, string | undefined>;
  variants: { price: number; stock: number }[];
  images: { status?: string }[];
}): { title: boolean; description: boolean; price: boolean; stock: boolean; photo: boolean } {
  const some = (text: Record<string, string | undefined>) => Object.values(text).some((v) => v && v.trim());
  return {
    title: some(product.title),
    description: some(product.description),
    price: product.variants.length > 0 && product.variants.every((v) => v.price >= 100),
    stock: product.variants.some((v) => v.stock > 0),
    photo: product.images.some((i) => i.status === undefined || i.status === 'ready'),
  };
}
