import { useState } from 'preact/hooks';

/**
 * Field errors that go away when their field is corrected: an error stays only while the value
 * it was about is the one it was shown for. Errors are keyed by the API's paths (`name`,
 * `title.fr`, `variants.0.price`); `values` holds the form's values under the same paths, and
 * an error is about the deepest value its path reaches (`variants.0.price` → that row's price;
 * `name` → every language of the name). An error whose path reaches no value (`form`, a
 * message about the whole form) stays until the next `setErrors`.
 */

type Values = Record<string, unknown>;

/** The value at the deepest part of `path` present in `values`, as text to compare; undefined if its first part is absent. */
export function valueAt(values: Values, path: string): string | undefined {
  const [head, ...rest] = path.split('.');
  if (!head || !(head in values)) return undefined;
  let value: unknown = values[head];
  for (const part of rest) {
    if (value === null || typeof value !== 'object' || !(part in value)) break;
    value = (value as Record<string, unknown>)[part];
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The errors still standing: those whose value is unchanged since they were shown (or that concern no value). */
export function standingErrors<E extends Record<string, unknown>>(errors: E, shownFor: Values, values: Values): E {
  const kept = Object.entries(errors).filter(([path]) => {
    const before = valueAt(shownFor, path);
    return before === undefined || before === valueAt(values, path);
  });
  return Object.fromEntries(kept) as E;
}

/** `useState` for a form's field errors, cleared one by one as the fields they are about are edited. */
export function useFieldErrors<E extends Record<string, unknown>>(values: Values, initial = {} as E): [E, (errors: E) => void] {
  const [shown, setShown] = useState<{ errors: E; values: Values }>({ errors: initial, values });
  const setErrors = (errors: E) => setShown({ errors, values: structuredClone(values) });
  return [standingErrors(shown.errors, shown.values, values), setErrors];
}
