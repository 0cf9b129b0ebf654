import { beforeEach, describe, expect, it } from 'vitest';
import type { MyHome } from '../../../../shared/api/home.ts';
import { forgetHomeSummary, HOME_SUMMARY_FRESH_MS, homeSummary } from './home-summary.ts';

const loader = () => {
  let calls = 0;
  const load = (fail = false) => () => {
    calls++;
    return fail ? Promise.reject(new Error('offline')) : Promise.resolve({ returning: true } as MyHome);
  };
  return { load, calls: () => calls };
};

describe('the home summary shared by the tabs', () => {
  beforeEach(() => forgetHomeSummary());

  it('is read once per shop within the minute, again after it', async () => {
    const { load, calls } = loader();
    await homeSummary('shp1', load(), 0);
    await homeSummary('shp1', load(), HOME_SUMMARY_FRESH_MS - 1);
    expect(calls()).toBe(1);
    await homeSummary('shp1', load(), HOME_SUMMARY_FRESH_MS);
    expect(calls()).toBe(2);
  });

  it('is not another shop’s (another account signed in on the phone)', async () => {
    const { load, calls } = loader();
    await homeSummary('shp1', load(), 0);
    await homeSummary('shp2', load(), 1);
    expect(calls()).toBe(2);
  });

  it('is read again after a change, and after a failed read', async () => {
    const { load, calls } = loader();
    await homeSummary('shp1', load(), 0);
    forgetHomeSummary();
    await homeSummary('shp1', load(), 1);
    expect(calls()).toBe(2);
    await expect(homeSummary('shp3', load(true), 2)).rejects.toThrow('offline');
    await homeSummary('shp3', load(), 3);
    expect(calls()).toBe(4);
  });
});
