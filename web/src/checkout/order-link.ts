import { ORDER_LINK_TOKEN, tokenFromFragment } from '../../../shared/domain/order-link.ts';
import { paths } from '../router.ts';
import { rememberedToken } from './recent.ts';

/**
 * The order link's secret for the order page: from the URL's fragment (`#t=…`, the links in
 * emails), else from the orders this browser placed (the card payment sends the shopper back
 * without it). An old link with `?token=` is rewritten in place to the fragment form before
 * anything is fetched: the secret then goes to the API in its header only, never in a query.
 */
export function orderLinkToken(orderId: string): string | undefined {
  const fromFragment = tokenFromFragment(location.hash);
  if (fromFragment) return fromFragment;
  const query = new URLSearchParams(location.search);
  const legacy = query.get('token');
  if (legacy !== null) {
    query.delete('token');
    const valid = ORDER_LINK_TOKEN.test(legacy);
    // The same page (no re-render needed): only the address changes, and no request is made with it.
    history.replaceState(history.state, '', paths.order(orderId, valid ? legacy : undefined, Object.fromEntries(query)));
    if (valid) return legacy;
  }
  return rememberedToken(orderId);
}
