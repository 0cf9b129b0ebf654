import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_EMAIL_FROM, LOCAL_SANDBOX_WEBHOOK_SECRET } from '../../infra/local/stack.ts';
import { LOCAL_WHATSAPP } from '../../infra/local/whatsapp.ts';
import { captureMetrics, telemetryEnvironment, type LocalMetrics } from '../../infra/local/telemetry.ts';

/**
 * For tests that run handlers in their own process (the order saga under scaled time): the
 * environment `npm start` gives the handlers, pointed at the running store's table, outbox and
 * local WhatsApp Cloud API.
 * Call before importing anything from functions/ (their config is read at import). Their log
 * lines are silenced and their metrics taken off stdout (the test output stays the tests'): the
 * returned metrics are what they counted in this process.
 */
export function useStoreEnvironment(): LocalMetrics {
  Object.assign(process.env, {
    TABLE_NAME: inject('tableName'),
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    PUBLIC_BASE_URL: inject('storeUrl'),
    SANDBOX_WEBHOOK_SECRET: LOCAL_SANDBOX_WEBHOOK_SECRET,
    EMAIL_TRANSPORT: 'outbox',
    OUTBOX_URL: `${inject('storeUrl')}/dev/outbox`,
    EMAIL_FROM: LOCAL_EMAIL_FROM,
    WHATSAPP_API_BASE: inject('storeUrl'),
    WHATSAPP_PHONE_NUMBER_ID: LOCAL_WHATSAPP.phoneNumberId,
    WHATSAPP_TOKEN: LOCAL_WHATSAPP.token,
    ...telemetryEnvironment('SILENT'),
  });
  return captureMetrics();
}
