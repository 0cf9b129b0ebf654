import { describe, expect, it } from 'vitest';
import { CARRIER_NAMES, CARRIERS, trackingUrl } from './carriers.ts';
import { LOCALES } from './locales.ts';

describe('trackingUrl', () => {
  it("points at each carrier's public tracking page with the number", () => {
    expect(trackingUrl('amana', 'RR123456789MA')).toBe('https://bam-tracking.barid.ma/Tracking/Search?trackingCode=RR123456789MA');
    expect(trackingUrl('ctm', 'CTM-0042')).toBe('https://www.ctm.ma/messagerie/suivi-colis?code=CTM-0042');
    expect(trackingUrl('aramex', '40795800592')).toBe('https://www.aramex.com/track/results?ShipmentNumber=40795800592');
    expect(trackingUrl('dhl', '1234567890')).toBe('https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=1234567890');
  });

  it('has no link for another carrier, nor for an empty number', () => {
    expect(trackingUrl('other', 'ABC123')).toBeUndefined();
    expect(trackingUrl('dhl', '  ')).toBeUndefined();
  });

  it('encodes the number and trims it', () => {
    expect(trackingUrl('dhl', ' A&B=1 ')).toBe('https://www.dhl.com/ma-fr/home/tracking.html?tracking-id=A%26B%3D1');
  });

  it('names every carrier in every language', () => {
    for (const carrier of CARRIERS) for (const locale of LOCALES) expect(CARRIER_NAMES[carrier][locale]).toBeTruthy();
  });
});
