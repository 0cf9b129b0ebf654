import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSession } from '../auth/session.ts';
import { Loading } from '../components/Status.tsx';
import { navigate, paths, type SellerPage } from '../router.ts';
import { SignIn, SignUp } from './Account.tsx';
import { Dashboard } from './Dashboard.tsx';
import { Operator } from './Operator.tsx';
import { Sell } from './Sell.tsx';
import './seller.css';

/** Entry of the lazy seller chunk: the artisans' and operators' pages. */
export function SellerArea({ page, query }: { page: SellerPage; query: URLSearchParams }): JSX.Element {
  switch (page.name) {
    case 'sell':
      return <Sell />;
    case 'signUp':
      return <SignUp next={query.get('next')} />;
    case 'signIn':
      return <SignIn next={query.get('next')} />;
    case 'operator':
      return (
        <RequireSession>
          <Operator status={query.get('status')} />
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

/** Pages for signed-in people: without a session, off to sign in, then back here. */
function RequireSession({ children }: { children: JSX.Element }): JSX.Element {
  const session = useSession();
  useEffect(() => {
    if (!session) navigate(paths.signIn(location.pathname + location.search), { replace: true });
  }, [session]);
  if (!session) return <section class="section"><Loading /></section>;
  return children;
}
