import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/catalogue.ts';
import type { InfoSettingName } from '../domain/info-pages/index.ts';
import { PLATFORM_SETTING_NAMES, SETTING_DEFAULTS, SETTING_SCHEMAS, staleSetting, type PlatformSettingName, type Setting, type SettingChange, type SettingName, type SettingValues } from '../domain/settings.ts';
import { batchGetAll, type CatalogueWritesDeps } from './catalogue-writes.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { fromItem, toItem } from './items.ts';
import { keys, partitions } from './keys.ts';

/**
 * The platform settings (`SETTINGS` / `SETTINGS#<name>`) and their audit lists
 * (`SETTINGCHANGES#<name>` / `CHANGE#<version>`). A setting's item holds its value's fields
 * (`basisPoints`, `rates`) where the catalogue, checkout and the saga have always read them,
 * plus `version`, `updatedAt` and `updatedBy`. An edit and its audit entry are one transaction,
 * conditional on the version the operator read.
 */
export function settings({ db, tableName, infoDefaults }: CatalogueWritesDeps & { infoDefaults?: { [N in InfoSettingName]: SettingValues[N] } }) {
  /** A setting never saved: its default (the pages' only from `infoDefaults`: INFO_SETTING_DEFAULTS). */
  function defaultOf<N extends SettingName>(name: N): SettingValues[N] {
    const value = (SETTING_DEFAULTS as Partial<SettingValues>)[name] ?? infoDefaults?.[name as InfoSettingName];
    if (!value) throw new Error(`setting ${name} was never saved and this settings store has no default for it: build it with infoDefaults (shared/domain/info-pages/defaults.ts)`);
    return value as SettingValues[N];
  }

  function fromSettingItem<N extends SettingName>(name: N, item: Record<string, unknown> | undefined): Setting<N> {
    if (!item) return { name, value: defaultOf(name), version: 0 };
    const stored = fromItem<Record<string, unknown>>(item);
    const value = Object.fromEntries(Object.keys(SETTING_SCHEMAS[name].shape).map((field) => [field, stored[field]])) as unknown as SettingValues[N];
    return {
      name,
      value,
      version: typeof stored.version === 'number' ? stored.version : 0,
      ...(typeof stored.updatedAt === 'string' ? { updatedAt: stored.updatedAt } : {}),
      ...(stored.updatedBy ? { updatedBy: stored.updatedBy as Setting['updatedBy'] } : {}),
    };
  }

  /** These settings' items (undefined for one never stored): one BatchGet, read consistently (an edit applies to the next order). */
  async function itemsOf(names: readonly SettingName[]): Promise<(name: SettingName) => Record<string, unknown> | undefined> {
    const found = await batchGetAll({ db, tableName }, names.map((name) => keys.settings(name)));
    return (name) => found.find((i) => i.sk === keys.settings(name).sk);
  }

  /** These settings as they stand (defaults for those never stored). */
  async function getMany<N extends SettingName>(names: readonly N[]): Promise<{ [K in N]: Setting<K> }> {
    const item = await itemsOf(names);
    return Object.fromEntries(names.map((name) => [name, fromSettingItem(name, item(name))])) as { [K in N]: Setting<K> };
  }

  return {
    getMany,
    /** The commission, shipping rates and display rates (what checkout and the catalogue read). */
    getAll: (): Promise<{ [N in PlatformSettingName]: Setting<N> }> => getMany(PLATFORM_SETTING_NAMES),
    /** The versions of these settings (0 for one never saved), without their values or defaults. */
    async versions<N extends SettingName>(names: readonly N[]): Promise<{ [K in N]: number }> {
      const item = await itemsOf(names);
      return Object.fromEntries(names.map((name) => [name, Number(item(name)?.version ?? 0)])) as { [K in N]: number };
    },
    /** One setting as it stands. */
    get: async <N extends SettingName>(name: N): Promise<Setting<N>> => (await getMany([name]))[name],

    /**
     * Saves an edit and its audit entry in one transaction, only if the setting is still at the
     * version the edit started from (`change.version - 1`): otherwise 409, naming `version`.
     */
    async save<N extends SettingName>(setting: Setting<N>, change: SettingChange<N>): Promise<void> {
      const readVersion = change.version - 1;
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: toItem('Settings', keys.settings(setting.name), { ...setting.value, version: setting.version, updatedAt: setting.updatedAt, updatedBy: setting.updatedBy }),
                  ConditionExpression: readVersion === 0 ? 'attribute_not_exists(#version) OR #version = :read' : '#version = :read',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':read': readVersion },
                },
              },
              { Put: { TableName: tableName, Item: toItem('SettingChange', keys.settingChange(change.name, change.version), change), ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException') throw staleSetting();
        throw error;
      }
    },

    /** A setting's recorded edits, newest first: a Query of its audit partition. */
    async listChanges<N extends SettingName>(name: N, q: { limit: number; cursor?: string }): Promise<Page<SettingChange<N>>> {
      const partition = partitions.settingChanges(name);
      const startKey = decodeCursor(q.cursor, { attributes: ['pk', 'sk'], partition: ['pk', partition], prefixes: { sk: 'CHANGE#' } });
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: q.limit,
          ExclusiveStartKey: startKey,
        }),
      );
      const cursor = encodeCursor(result.LastEvaluatedKey);
      return { items: (result.Items ?? []).map((i) => fromItem<SettingChange<N>>(i)), ...(cursor ? { cursor } : {}) };
    },
  };
}

export type SettingsStore = ReturnType<typeof settings>;
