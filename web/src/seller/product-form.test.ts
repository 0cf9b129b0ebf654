import { describe, expect, it } from 'vitest';
import { emptyProductForm, formFromProduct, newVariantRow, suggestSku, toProductBody } from './product-form.ts';

const filled = () => ({
  ...emptyProductForm(),
  title: { fr: 'Sac en cuir', ar: ' ' },
  description: { ar: 'حقيبة من الجلد' },
  category: 'leather',
  variants: [newVariantRow({ label: { fr: 'Petit' }, price: '150,50', stock: '3' }), newVariantRow({ label: { fr: 'Grand' }, price: '220', stock: '٠' })],
});

describe('product form', () => {
  it('turns dirhams into centimes and suggests SKUs from the title', () => {
    const { body, problems } = toProductBody(filled());
    expect(problems).toEqual({});
    expect(body).toEqual({
      title: { fr: 'Sac en cuir' },
      description: { ar: 'حقيبة من الجلد' },
      category: 'leather',
      variants: [
        { sku: 'SAC-EN-CUIR-1', label: { fr: 'Petit' }, price: 15050, stock: 3 },
        { sku: 'SAC-EN-CUIR-2', label: { fr: 'Grand' }, price: 22000, stock: 0 },
      ],
    });
  });

  it('keys problems like the API’s error.fields', () => {
    const form = { ...filled(), title: {}, category: '' };
    form.variants = [newVariantRow({ label: {}, price: '0,50', stock: 'x' }), newVariantRow({ label: { fr: 'b' }, sku: 'same', skuEdited: true, price: 'abc' })];
    form.variants.push(newVariantRow({ label: { fr: 'c' }, sku: 'SAME', skuEdited: true, price: '10' }));
    form.madeToOrder = true;
    form.leadTime = '0';
    form.length = '10';
    const { body, problems } = toProductBody(form);
    expect(body).toBeUndefined();
    expect(problems).toEqual({
      title: 'oneLanguage',
      category: 'choose',
      'variants.0.label': 'oneLanguage',
      'variants.0.price': 'minPrice',
      'variants.0.stock': 'stock',
      'variants.1.price': 'price',
      'variants.2.sku': 'skuTwice',
      dimensionsCm: 'dimensions',
      leadTimeDays: 'leadTime',
    });
  });

  it('reads a saved product back into the form, in the artisan’s decimal style', () => {
    const now = new Date().toISOString();
    const form = formFromProduct(
      {
        product: { id: 'prd_123456', shopId: 'shp_123456', category: 'leather', title: { fr: 'Sac' }, description: { fr: 'd' }, status: 'draft', price: 15050, createdAt: now, updatedAt: now, leadTimeDays: 7, dimensionsCm: { length: 30, width: 10, height: 25.5 } },
        variants: [{ sku: 'SAC-1', label: { fr: 'Unique' }, price: 15050, stock: 2 }],
        images: [],
      },
      'fr',
    );
    expect(form.variants[0]).toMatchObject({ sku: 'SAC-1', price: '150,50', stock: '2', skuEdited: true });
    expect(form).toMatchObject({ madeToOrder: true, leadTime: '7', height: '25.5' });
    expect(toProductBody(form).body?.variants[0]?.price).toBe(15050);
  });

  it('suggests an Arabic-titled product a Latin SKU', () => {
    expect(suggestSku({ ar: 'حقيبة' }, 0)).toBe('HQIBA-1');
    expect(suggestSku({}, 2)).toBe('ART-3');
  });
});
