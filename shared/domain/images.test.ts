import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, variantKey, variantsOf } from './images.ts';

describe('variantsOf: the srcset of a processed photo', () => {
  it('names every web-sized variant from any one of their keys, narrowest first', () => {
    const card = variantKey('prd-abc', 'img-1', CARD_WIDTH);
    expect(variantsOf(card)).toEqual([
      { width: 320, key: 'products/prd-abc/img-1-320.webp' },
      { width: 640, key: 'products/prd-abc/img-1-640.webp' },
      { width: 1280, key: 'products/prd-abc/img-1-1280.webp' },
    ]);
    expect(variantsOf(variantKey('prd-abc', 'img-1', 1280))).toEqual(variantsOf(card));
  });

  it('has none for images that are not variants', () => {
    expect(variantsOf('products/prd-abc/img-1.svg')).toEqual([]);
    expect(variantsOf('shops/shp-1/portrait.svg')).toEqual([]);
    expect(variantsOf('products/prd-abc/img-1-500.webp')).toEqual([]);
    expect(variantsOf('uploads/shp-1/prd-abc/img-1')).toEqual([]);
  });
});
