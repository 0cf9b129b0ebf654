import type { ComponentChildren, JSX } from 'preact';
import { useI18n } from '../i18n/context.ts';
import { Chevron } from './Icon.tsx';

/** Home › … › current page; separators point the reading direction. */
export function Breadcrumbs({ items }: { items: { href?: string; label: ComponentChildren }[] }): JSX.Element {
  const { t } = useI18n();
  return (
    <nav class="breadcrumbs" aria-label={t('a11y.breadcrumb')}>
      <ol>
        {items.map((item, index) => (
          <li key={index}>
            {index > 0 && <Chevron />}
            {item.href ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
