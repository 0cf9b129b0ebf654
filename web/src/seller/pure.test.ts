import { describe, expect, it } from 'vitest';
import { checkFile, normalisePhone } from './checks.ts';
import { centimesToInput, parseDecimal, parseMadInput, parseWhole } from './money.ts';
import { isValidSlug, slugify, suggestSlug } from './slug.ts';
import { canVisit, nextStep, previousStep, publishChecklist, resume } from './wizard.ts';

describe('money input', () => {
  it('takes dirhams as artisans type them and gives centimes', () => {
    expect(parseMadInput('150')).toBe(15000);
    expect(parseMadInput('150,50')).toBe(15050);
    expect(parseMadInput('150.5')).toBe(15050);
    expect(parseMadInput(' 1 200,00 ')).toBe(120000);
    expect(parseMadInput('١٥٠٫٥٠')).toBe(15050);
    expect(parseMadInput('0,1')).toBe(10);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '150,505', '1.250,50', '15e3']) expect(parseMadInput(text), text).toBeUndefined();
  });

  it('shows centimes back in the field with the locale’s decimal mark', () => {
    expect(centimesToInput(15050, 'fr')).toBe('150,50');
    expect(centimesToInput(15005, 'ar')).toBe('150,05');
    expect(centimesToInput(15050, 'en')).toBe('150.50');
    expect(centimesToInput(15000, 'es')).toBe('150');
    expect(centimesToInput(undefined, 'fr')).toBe('');
    for (const minor of [100, 15050, 99, 123456]) expect(parseMadInput(centimesToInput(minor, 'fr'))).toBe(minor);
  });

  it('parses whole numbers and decimals for stock, weight and sizes', () => {
    expect(parseWhole('12')).toBe(12);
    expect(parseWhole('١٢')).toBe(12);
    expect(parseWhole('1.5')).toBeUndefined();
    expect(parseWhole('')).toBeUndefined();
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('x')).toBeUndefined();
  });
});

describe('slug suggestion', () => {
  it('folds French accents and joins words with dashes', () => {
    expect(slugify('Coopérative Tifawin — Cuir & Cœur')).toBe('cooperative-tifawin-cuir-coeur');
    expect(slugify("L'Atelier d’Aïcha")).toBe('latelier-daicha');
    expect(slugify('  --  ')).toBe('');
  });

  it('transliterates Arabic names', () => {
    expect(slugify('تعاونية الداخلة')).toBe('taaounia-aldakhla');
    expect(slugify('مِينَة للجلد')).toBe('mina-lljld');
    expect(slugify('ياسمين ٢٠٢٦')).toBe('yasmin-2026');
    expect(isValidSlug(slugify('صناعة تقليدية'))).toBe(true);
  });

  it('prefers a Latin-script name, falls back to Arabic, and stays within 60 characters', () => {
    expect(suggestSlug({ ar: 'تعاونية الداخلة', fr: 'Coopérative de Dakhla' })).toBe('cooperative-de-dakhla');
    expect(suggestSlug({ ar: 'تعاونية الداخلة' })).toBe('taaounia-aldakhla');
    expect(suggestSlug({ fr: 'ab' })).toBe('');
    const long = slugify('atelier '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(isValidSlug(long)).toBe(true);
  });
});

describe('onboarding wizard', () => {
  it('starts at the profile and walks the four steps', () => {
    expect(resume(undefined)).toEqual({ step: 'profile', finished: false });
    expect(nextStep('profile')).toBe('product');
    expect(nextStep('publish')).toBeUndefined();
    expect(previousStep('photos')).toBe('product');
    expect(previousStep('profile')).toBeUndefined();
  });

  it('resumes where the artisan stopped, but never on photos without a product', () => {
    expect(resume({ step: 'photos', productId: 'prd_123456' })).toEqual({ step: 'photos', productId: 'prd_123456', finished: false });
    expect(resume({ step: 'photos' })).toEqual({ step: 'product', finished: false });
    expect(resume({ step: 'publish', productId: 'prd_123456', finished: true }).finished).toBe(true);
    expect(resume({ step: 'nonsense' as never })).toEqual({ step: 'profile', finished: false });
  });

  it('lets the progress indicator go back, not ahead', () => {
    const state = { step: 'photos' as const, productId: 'prd_123456', finished: false };
    expect(canVisit('profile', state, 'photos')).toBe(true);
    expect(canVisit('publish', state, 'photos')).toBe(false);
    expect(canVisit('photos', { step: 'product', finished: false }, 'photos')).toBe(false);
  });

  it('lists what a draft still needs before it can be published', () => {
    const draft = { title: { fr: 'Sac' }, description: {}, variants: [{ price: 15000, stock: 0 }], images: [{ status: 'processing' }] };
    expect(publishChecklist(draft)).toEqual({ title: true, description: false, price: true, stock: false, photo: false });
    expect(publishChecklist({ ...draft, description: { ar: 'حقيبة' }, variants: [{ price: 15000, stock: 2 }], images: [{ status: 'ready' }] })).toEqual({
      title: true,
      description: true,
      price: true,
      stock: true,
      photo: true,
    });
  });
});

describe('browser-side checks', () => {
  it('accepts JPEG, PNG and WebP photos up to 10 MB', () => {
    expect(checkFile({ type: 'image/jpeg', size: 3_000_000 })).toBeUndefined();
    expect(checkFile({ type: 'image/heic', size: 3_000_000 })).toBe('type');
    expect(checkFile({ type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe('size');
    expect(checkFile({ type: 'image/webp', size: 0 })).toBe('empty');
  });

  it('turns Moroccan phone numbers into the international form', () => {
    expect(normalisePhone('06 12 34 56 78')).toBe('+212612345678');
    expect(normalisePhone('0712345678')).toBe('+212712345678');
    expect(normalisePhone('00212 612-345-678')).toBe('+212612345678');
    expect(normalisePhone('+34 612 345 678')).toBe('+34612345678');
    expect(normalisePhone('٠٦١٢٣٤٥٦٧٨')).toBe('+212612345678');
    expect(normalisePhone('')).toBe('');
    expect(normalisePhone('12345')).toBeUndefined();
  });
});
