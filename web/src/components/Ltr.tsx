import type { ComponentChildren, JSX } from 'preact';

/**
 * A phone number, order id, tracking number, code or RIB: one left-to-right run isolated from the
 * text around it, so an Arabic page does not reverse its parts (shared/domain/bidi.ts, the rule
 * the plain-text emails follow with U+2066…U+2069).
 */
export function Ltr({ children, class: className }: { children: ComponentChildren; class?: string }): JSX.Element {
  return (
    <bdi dir="ltr" class={className}>
      {children}
    </bdi>
  );
}
