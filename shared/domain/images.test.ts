import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, parseShopUploadKey, parseUploadKey, shopUploadKey, shopVariantKey, variantKey, variantsOf } from './images.ts';

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

describe('shop pictures (logo and cover)', () => {
  it('upload under the shop\'s own prefix, and are not taken for a product photo', () => {
    const key = shopUploadKey('shp-1', 'cover', 'img-9a');
    expect(key).toBe('uploads/shp-1/shop/cover-img-9a');
    expect(parseShopUploadKey(key)).toEqual({ shopId: 'shp-1', kind: 'cover', imageId: 'img-9a' });
    expect(parseUploadKey(key)).toBeUndefined();
    expect(parseShopUploadKey('uploads/shp-1/prd-2/img-3')).toBeUndefined();
    expect(parseShopUploadKey('uploads/shp-1/shop/banner-img-3')).toBeUndefined();
    expect(parseUploadKey('uploads/shp-1/prd-2/img-3')).toEqual({ shopId: 'shp-1', productId: 'prd-2', imageId: 'img-3' });
  });
  it('have a srcset over the same widths as product photos', () => {
    expect(variantsOf(shopVariantKey('shp-1', 'logo', 'img-9a', CARD_WIDTH))).toEqual([
      { width: 320, key: 'shops/shp-1/logo-img-9a-320.webp' },
      { width: 640, key: 'shops/shp-1/logo-img-9a-640.webp' },
      { width: 1280, key: 'shops/shp-1/logo-img-9a-1280.webp' },
    ]);
    expect(variantsOf('shops/shp-1/banner-img-9a-640.webp')).toEqual([]);
  });
});
