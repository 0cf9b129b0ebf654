import type { OperatorSettings, SettingUpdate } from '../api/operator.ts';
import type { Page } from '../domain/catalogue.ts';
import { editSetting, staleSetting, type Setting, type SettingChange, type SettingName, type SettingValues } from '../domain/settings.ts';
import type { SettingsStore } from '../data/settings.ts';
import type { Caller } from './caller.ts';
import { now } from './ports.ts';

/** Operators: the platform settings, each edit recorded (who, when, before, after) and applying to new orders only. */

export const getSettings = (settings: SettingsStore): Promise<OperatorSettings> => settings.getAll();

/** Saves an edit made from `version`; 409 naming `version` if the setting moved on since it was read. */
export async function updateSetting(settings: SettingsStore, caller: Caller, update: SettingUpdate): Promise<Setting> {
  const current = (await settings.get(update.name)) as Setting<SettingName>;
  if (update.version !== current.version) throw staleSetting();
  const { setting, change } = editSetting(current, update.value as SettingValues[SettingName], { sub: caller.sub, email: caller.email }, now());
  await settings.save(setting, change);
  return setting;
}

export const listSettingChanges = (settings: SettingsStore, name: SettingName, q: { limit: number; cursor?: string }): Promise<Page<SettingChange>> => settings.listChanges(name, q);
