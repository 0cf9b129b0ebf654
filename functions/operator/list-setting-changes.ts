import { settingChangesQuery, settingPath } from '#shared/api/operator.ts';
import { listSettingChanges } from '#shared/use-cases/operator-settings.ts';
import { signedInRoute } from '../commons/http.ts';
import { store } from '../commons/store.ts';

/** A setting's recorded changes (who, when, before, after), newest first. */
export const handler = signedInRoute({ path: settingPath, query: settingChangesQuery }, ({ path, query }) => listSettingChanges(store.settings, path.name, query));
