import { infoSettingName, type InfoPageSlug, type InfoPageView } from '../domain/info-pages/index.ts';
import type { SettingsStore } from '../data/settings.ts';

/** A store information page as shoppers read it: its texts in every language, its version (never who edited it). */
export async function getInfoPage(settings: Pick<SettingsStore, 'get'>, slug: InfoPageSlug): Promise<InfoPageView> {
  const setting = await settings.get(infoSettingName(slug));
  const value = setting.value as { texts: InfoPageView['texts']; contact?: InfoPageView['contact'] };
  return {
    slug,
    version: setting.version,
    ...(setting.updatedAt ? { updatedAt: setting.updatedAt } : {}),
    texts: value.texts,
    ...(value.contact ? { contact: value.contact } : {}),
  };
}

