import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSession } from '../auth/session.ts';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/context.ts';
import { useAsync } from '../hooks.ts';
import { navigate, paths, type ConsolePage, type SellerPage } from '../router.ts';
import { SignIn, SignUp } from './Account.tsx';
import { ForgotPassword } from './ForgotPassword.tsx';
import { Dashboard } from './Dashboard.tsx';
import { Operator } from './Operator.tsx';
import { Attention } from './operator/Attention.tsx';
import { OrdersArea } from './operator/OrdersArea.tsx';
import { loadedSellerMessages, loadSellerMessages, SellerMessagesContext } from './i18n/index.ts';
import { Sell } from './Sell.tsx';
import './seller.css';
import { useAreaMessages } from '../area-messages.ts';

/** Entry of the lazy seller chunk: the artisans' and operators' pages, once their messages are loaded. */
export function SellerArea({ page, query }: { page: SellerPage; query: URLSearchParams }): JSX.Element {
  const { locale } = useI18n();
  const { messages, failed, retry } = useAreaMessages(locale, loadedSellerMessages, loadSellerMessages);
  if (failed && !messages) return <section class="section"><ErrorState error={failed} onRetry={retry} /></section>;
  // While another language loads, the previous one stays on screen.
  if (!messages) return <section class="section"><Loading /></section>;
  return (
    <SellerMessagesContext.Provider value={messages}>
      <SellerPages page={page} query={query} />
    </SellerMessagesContext.Provider>
  );
}

function SellerPages({ page, query }: { page: SellerPage; query: URLSearchParams }): JSX.Element {
  switch (page.name) {
    case 'sell':
      return <Sell />;
    case 'signUp':
      return <SignUp next={query.get('next')} />;
    case 'signIn':
      return <SignIn next={query.get('next')} />;
    case 'forgotPassword':
      return <ForgotPassword email={query.get('email') ?? ''} next={query.get('next')} />;
    case 'help':
      return <Help />;
    case 'operator':
      return (
        <RequireSession>
          <Operator status={query.get('status')} />
        </RequireSession>
      );
    case 'operatorAttention':
      return (
        <RequireSession>
          <Attention />
        </RequireSession>
      );
    case 'operatorOrders':
    case 'operatorOrder':
      return (
        <RequireSession>
          <OrdersArea query={query} {...(page.name === 'operatorOrder' ? { orderId: page.orderId } : {})} />
        </RequireSession>
      );
    case 'operatorProducts':
    case 'operatorProduct':
    case 'operatorShop':
    case 'operatorSettings':
    case 'operatorTeam':
    case 'operatorPayouts':
    case 'operatorStatement':
    case 'operatorMoney':
    case 'operatorReviews':
      return (
        <RequireSession>
          <Console page={page} query={query} />
        </RequireSession>
      );
    default:
      return (
        <RequireSession>
          <Dashboard page={page} query={query} />
        </RequireSession>
      );
  }
}

/** The console's products, shops, settings and team pages: their own chunk, fetched when an operator opens one. */
const loadConsole = () => import('./operator/ConsolePages.tsx');

function Console({ page, query }: { page: ConsolePage; query: URLSearchParams }): JSX.Element {
  const module = useAsync(() => loadConsole(), []);
  if (module.status === 'loading') return <section class="section"><Loading /></section>;
  if (module.status === 'error') return <section class="section"><ErrorState error={module.error} onRetry={module.retry} /></section>;
  const { ConsolePages } = module.data;
  return <ConsolePages page={page} query={query} />;
}

/** The artisans' help page: its own chunk and messages (web/src/seller/help/); open to visitors, as the sell page links to it. */
function Help(): JSX.Element {
  const module = useAsync(() => import('./help/HelpPage.tsx'), []);
  if (module.status === 'loading') return <section class="section"><Loading /></section>;
  if (module.status === 'error') return <section class="section"><ErrorState error={module.error} onRetry={module.retry} /></section>;
  return <module.data.HelpPage />;
}

/** Pages for signed-in people: without a session, off to sign in, then back here. */
function RequireSession({ children }: { children: JSX.Element }): JSX.Element {
  const session = useSession();
  useEffect(() => {
    if (!session) navigate(paths.signIn(location.pathname + location.search), { replace: true });
  }, [session]);
  if (!session) return <section class="section"><Loading /></section>;
  return children;
}
