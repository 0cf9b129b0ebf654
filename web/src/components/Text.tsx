import type { JSX } from 'preact';
import type { Localized } from '../../../shared/domain/locales.ts';
import { isRtl } from '../i18n/index.ts';
import { useI18n, useLocalized } from '../i18n/context.ts';

interface Props {
  value: Localized | undefined;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'div';
  class?: string;
  id?: string;
}

/**
 * Catalogue text in the shopper's language; when it falls back to another language, the element
 * says so with its own `lang` (and `dir` when the direction differs) so it is read and laid out right.
 */
export function Text({ value, as: Tag = 'span', class: className, id }: Props): JSX.Element {
  const { locale } = useI18n();
  const picked = useLocalized()(value);
  const fallback = picked.lang !== locale;
  const dir = fallback && isRtl(picked.lang) !== isRtl(locale) ? (isRtl(picked.lang) ? 'rtl' : 'ltr') : undefined;
  return (
    <Tag class={className} id={id} lang={fallback ? picked.lang : undefined} dir={dir}>
      {picked.text}
    </Tag>
  );
}

/** Long text (a story, a description): one paragraph per blank-line-separated block. */
export function Paragraphs({ value, class: className }: { value: Localized | undefined; class?: string }): JSX.Element {
  const { locale } = useI18n();
  const picked = useLocalized()(value);
  const fallback = picked.lang !== locale;
  const dir = fallback && isRtl(picked.lang) !== isRtl(locale) ? (isRtl(picked.lang) ? 'rtl' : 'ltr') : undefined;
  return (
    <div class={className} lang={fallback ? picked.lang : undefined} dir={dir}>
      {picked.text
        .split(/\n\s*\n/)
        .filter((block) => block.trim())
        .map((block, index) => (
          <p key={index}>{block}</p>
        ))}
    </div>
  );
}
