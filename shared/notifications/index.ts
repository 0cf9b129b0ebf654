import { isolateLtrFields } from '../domain/bidi.ts';
import { RTL_LOCALES, type Locale } from '../domain/locales.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { formatFor, plainInput, renderBlocks, type Block, type EmailInputs, type EmailKind, type Format, type RenderedEmail, type Templates } from './templates.ts';

export * from './templates.ts';

const TEMPLATES: Record<Locale, Templates> = { ar, fr, en, es };

/** One email of a kind, in a language: subject, plain text and minimal HTML. */
export function renderEmail<K extends EmailKind>(kind: K, locale: Locale, input: EmailInputs[K]): RenderedEmail {
  const template = TEMPLATES[locale][kind] as (input: EmailInputs[K], f: Format) => { subject: string; blocks: Block[] };
  const { subject, blocks } = template(isolateLtrFields(plainInput(input), RTL_LOCALES.has(locale)), formatFor(locale));
  return renderBlocks(locale, subject, blocks);
}
