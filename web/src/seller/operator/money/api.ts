import type { MoneyView, RemittanceAnswer, RemittanceBody } from '../../../../../shared/api/money.ts';
import { toError } from '../../../api.ts';
import { authFetch, authJson } from '../../../auth/auth-fetch.ts';

/** The money routes (/api/operator/money, /api/operator/remittances), typed from shared/api/money.ts. */
export const moneyApi = {
  view: (period: { from: string; to: string }, signal?: AbortSignal) => authJson<MoneyView>('GET', '/api/operator/money', { query: period, signal }),
  remit: (body: RemittanceBody) => authJson<RemittanceAnswer>('POST', '/api/operator/remittances', { body }),
  /** The period's journal as the CSV file the API writes (UTF-8 with BOM), and its name. */
  async csv(period: { from: string; to: string }): Promise<{ blob: Blob; filename: string }> {
    const response = await authFetch(`/api/operator/money?format=csv&from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`);
    if (!response.ok) throw await toError(response);
    const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `dakhla-money-${period.from}.csv`;
    return { blob: await response.blob(), filename };
  },
};
