import type { NotifyChannel } from '../domain/phone.ts';
import type { NoticeRef } from '../notifications/port.ts';
import type { CatalogueWritesDeps } from './catalogue-writes.ts';
import { keys, type TableKey } from './keys.ts';
import { claimSend, settleSend, type SendOutcome } from './send-once.ts';

/**
 * The records that make each notice go out once per (notice, channel, recipient) (patterns 70–71).
 * An order's e-mail keeps the order e-mails' own record (`ORDER#` / `EMAIL#<kind>#<address>`, what
 * the operators' order page lists and the saga already claimed); its WhatsApp message sits beside it
 * (`NOTICE#…`); a shop's notices (approved, rejected, payout sent) under `SHOP#<id>` / `NOTICE#…`.
 */
export function noticeRecords(deps: CatalogueWritesDeps) {
  const keyOf = (ref: NoticeRef, channel: NotifyChannel, to: string): { type: 'OrderEmail' | 'Notice'; key: TableKey } => {
    if ('orderId' in ref) return channel === 'email' ? { type: 'OrderEmail', key: keys.orderEmail(ref.orderId, ref.record, to) } : { type: 'Notice', key: keys.orderNotice(ref.orderId, ref.record, channel, to) };
    return { type: 'Notice', key: keys.shopNotice(ref.shopId, ref.record, channel, to) };
  };
  return {
    claim(ref: NoticeRef, channel: NotifyChannel, to: string): Promise<boolean> {
      const { type, key } = keyOf(ref, channel, to);
      const fields: Record<string, string> = 'orderId' in ref ? { orderId: ref.orderId, kind: ref.record, to } : { shopId: ref.shopId, kind: ref.record, channel, to };
      return claimSend(deps, type, key, fields);
    },
    settle: (ref: NoticeRef, channel: NotifyChannel, to: string, outcome: SendOutcome) => settleSend(deps, keyOf(ref, channel, to).key, outcome),
  };
}
export type NoticeRecords = ReturnType<typeof noticeRecords>;
