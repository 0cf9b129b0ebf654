import type { JSX } from 'preact';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/context.ts';
import type { ShopperPage } from '../router.ts';
import { CartPage } from './CartPage.tsx';
import { CheckoutPage } from './CheckoutPage.tsx';
import { loadedShopperMessages, loadShopperMessages, ShopperMessagesContext } from './i18n/index.ts';
import { FindOrdersPage } from './FindOrdersPage.tsx';
import { MyPurchasesPage } from './MyPurchasesPage.tsx';
import { OrderPage } from './OrderPage.tsx';
import './checkout.css';
import { useAreaMessages } from '../area-messages.ts';

/** Entry of the lazy shopper chunk: cart, checkout, the order page, My orders and "find my orders", once their messages are loaded. */
export function ShopperArea({ page, query }: { page: ShopperPage; query: URLSearchParams }): JSX.Element {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedShopperMessages, loadShopperMessages);
  if (failed && !messages) return <section class="section"><ErrorState error={failed} onRetry={retry} /></section>;
  if (!messages) return <section class="section"><Loading /></section>;
  return (
    <ShopperMessagesContext.Provider value={messages}>
      {page.name === 'cart' && <CartPage />}
      {page.name === 'checkout' && <CheckoutPage />}
      {page.name === 'myPurchases' && <MyPurchasesPage />}
      {page.name === 'findOrders' && <FindOrdersPage />}
      {page.name === 'order' && <OrderPage key={page.orderId} orderId={page.orderId} justPlaced={query.get('placed') === '1'} />}
    </ShopperMessagesContext.Provider>
  );
}
