import { describe, expect, it } from 'vitest';
import type { InfoPageView } from '#shared/domain/info-pages/index.ts';
import { request } from '../support/accounts.ts';
import { PHONE, shot, signInAsOperator, useStoreBrowser } from '../support/browser.ts';

/**
 * The operator edits an information page in the console (390 px, French): after a save the form
 * shows what was saved and its new version — not the public read it started from, which may be
 * cached a minute — so a second save goes through instead of answering "someone changed it".
 */
const { open } = useStoreBrowser();

describe('the information pages editor', () => {
  it('keeps what was saved, and saves again without a conflict', async () => {
    const before = (await request<InfoPageView>('GET', '/api/info-pages/legal')).body;
    const { page, errors } = await open(PHONE, 'fr-FR');
    await signInAsOperator(page, '/operator/settings');
    const card = page.getByTestId('setting-info-pages');
    await card.locator('#info-page').selectOption('legal');
    const form = card.getByTestId('setting-page-legal');
    await form.locator('#info-lang').selectOption('fr');
    const title = form.locator('#info-title');
    await expect.poll(() => title.inputValue()).toBe(before.texts.fr.title);

    const edited = `${before.texts.fr.title} (e2e ${Date.now()})`;
    await title.fill(edited);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.locator('.save-saved').waitFor();
    expect(await title.inputValue()).toBe(edited);
    await form.getByText(`Version ${before.version + 1}, modifiée le`, { exact: false }).waitFor();
    await shot(page, 'operator-info-page-saved-fr-phone', false);

    // Put it back: a second save from the same form, from the version it saved.
    await title.fill(before.texts.fr.title);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByText(`Version ${before.version + 2}, modifiée le`, { exact: false }).waitFor();
    expect(await form.locator('.save-error').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);
});
