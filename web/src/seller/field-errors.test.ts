import { describe, expect, it } from 'vitest';
import { standingErrors, valueAt } from './field-errors.ts';

describe('field errors cleared when fixed', () => {
  const shownFor = { name: { fr: '', ar: '' }, town: 'D', variants: [{ price: '1', stock: '2' }, { price: 'x', stock: '1' }] };
  const errors = { name: 'needed', town: 'too short', 'variants.1.price': 'price', 'variants.0.stock': 'stock', form: 'fix the fields' };

  it('reads the deepest value a path reaches', () => {
    expect(valueAt(shownFor, 'variants.1.price')).toBe('"x"');
    expect(valueAt(shownFor, 'name.fr')).toBe('""');
    expect(valueAt(shownFor, 'name')).toBe('{"fr":"","ar":""}');
    expect(valueAt(shownFor, 'town.whatever')).toBe('"D"');
    expect(valueAt(shownFor, 'form')).toBeUndefined();
  });

  it('keeps every error while nothing changed', () => {
    expect(standingErrors(errors, shownFor, structuredClone(shownFor))).toEqual(errors);
  });

  it('drops only the errors about the edited fields', () => {
    const now = structuredClone(shownFor);
    now.variants[1]!.price = '150';
    now.name.ar = 'مشغل';
    expect(standingErrors(errors, shownFor, now)).toEqual({ town: 'too short', 'variants.0.stock': 'stock', form: 'fix the fields' });
  });

  it('drops an error when its value changes even to something still wrong (the next check says so again)', () => {
    expect(standingErrors({ town: 'too short' }, { town: 'D' }, { town: 'Da' })).toEqual({});
  });

  it('keeps a message about the whole form', () => {
    expect(standingErrors({ form: 'network' }, { town: 'D' }, { town: 'Dakhla' })).toEqual({ form: 'network' });
  });
});
