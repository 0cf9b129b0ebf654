import type { ClientConfig } from '../../../shared/client-config.ts';

/** The deployment's public settings (`/config.json`, written by the web stack or the local gateway). */
export type AppConfig = ClientConfig;
export type AuthConfig = ClientConfig['auth'];

let once: Promise<AppConfig> | undefined;

/** Fetched once per visit (again after a failure). */
export function loadConfig(): Promise<AppConfig> {
  once ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
      const config = (await response.json()) as AppConfig;
      if (!config?.auth?.clientId || !config.auth.endpoint) throw new Error('config.json has no auth settings');
      return config;
    })
    .catch((error: unknown) => {
      once = undefined;
      throw error;
    });
  return once;
}
