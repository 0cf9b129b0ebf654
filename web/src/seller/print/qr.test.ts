import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../../../test/support/qr.ts';
import { modulesOf, parcelQrPayload, qrDrawing } from './qr.ts';

describe('a parcel’s QR code', () => {
  it('encodes the seller-area URL that opens the parcel', () => {
    expect(parcelQrPayload('https://dakhla.market', 'ORD-7Hq2x9')).toBe('https://dakhla.market/dashboard/orders/ORD-7Hq2x9');
    expect(parcelQrPayload('http://127.0.0.1:5173/', 'abc123')).toBe('http://127.0.0.1:5173/dashboard/orders/abc123');
  });

  it('draws exactly the encoder’s dark modules, and a decoder reads the payload back', () => {
    const payload = parcelQrPayload('https://dakhla.market', 'ORD-7Hq2x9');
    const drawing = qrDrawing(payload);
    const { data, size } = encode(payload, { ecc: 'M', border: 0 });
    expect(drawing.size).toBe(size);
    expect(modulesOf(drawing.path, drawing.size)).toEqual(data);
    const image = rasterise(modulesOf(drawing.path, drawing.size));
    expect(jsQR(image.data, image.width, image.width)?.data).toBe(payload);
  });
});
