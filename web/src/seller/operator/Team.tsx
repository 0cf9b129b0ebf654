import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { TeamMember } from '../../../../shared/api/operator.ts';
import { PASSWORD_POLICY } from '../../../../shared/domain/accounts.ts';
import { ApiRequestError } from '../../api.ts';
import { Loading } from '../../components/Status.tsx';
import { useAsync, useTitle } from '../../hooks.ts';
import { isEmail } from '../checks.ts';
import { useT } from '../i18n/index.ts';
import { apiErrors, Field, inputValue } from '../ui.tsx';
import { consoleApi } from './console-api.ts';
import { ConsoleError, formatWhen, isolate } from './ui.tsx';

/**
 * The operators: who accepted their invitation and set up an authenticator app; invite someone by
 * e-mail (Cognito sends the invitation); remove someone (every session of theirs signed out) —
 * not oneself, so the team always keeps an operator.
 */
export function Team(): JSX.Element {
  const { t } = useT();
  useTitle(t('console.team.title'));
  const loaded = useAsync((signal) => consoleApi.team(signal), []);
  const [announce, setAnnounce] = useState<string>();
  return (
    <>
      <h1>{t('console.team.title')}</h1>
      <p class="lead">{t('console.team.intro')}</p>
      <p class="op-done" role="status" aria-live="polite" hidden={!announce}>
        {announce}
      </p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <ConsoleError error={loaded.error} onRetry={loaded.retry} />}
      {loaded.status === 'ok' && (
        <ul class="console-team" role="list" aria-label={t('console.team.title')} data-testid="team">
          {loaded.data.items.map((member) => (
            <MemberRow
              key={member.username}
              member={member}
              onRemoved={() => {
                setAnnounce(t('console.team.removed', { email: isolate(member.email) }));
                loaded.retry();
              }}
            />
          ))}
        </ul>
      )}
      <Invite
        onInvited={(message) => {
          setAnnounce(message);
          loaded.retry();
        }}
      />
    </>
  );
}

function MemberRow({ member, onRemoved }: { member: TeamMember; onRemoved: () => void }): JSX.Element {
  const { t, locale } = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await consoleApi.remove(member.username);
      onRemoved();
    } catch (failure) {
      const code = failure instanceof ApiRequestError ? failure.code : '';
      setError(code === 'team_busy' ? t('console.team.busy') : code === 'cannot_remove_yourself' ? t('console.team.cannotRemoveSelf') : apiErrors(t, failure).message);
      setBusy(false);
    }
  };
  return (
    <li class="console-member">
      <p class="console-member-email" dir="ltr">
        {member.email}
        {member.you && <span class="badge badge-draft">{t('console.team.you')}</span>}
      </p>
      <p class="badges">
        <span class={`badge ${member.status === 'active' ? 'badge-published' : 'badge-low'}`}>{member.status === 'active' ? t('console.team.active') : t('console.team.invited')}</span>
        <span class={`badge ${member.totp ? 'badge-in' : 'badge-out'}`}>{member.totp ? t('console.team.totpOn') : t('console.team.totpOff')}</span>
      </p>
      {member.createdAt && <p class="hint">{t('console.team.since', { date: formatWhen(member.createdAt, locale) })}</p>}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!member.you &&
        (asking ? (
          <div class="console-confirm">
            <p>{t('console.team.confirmRemove', { email: isolate(member.email) })}</p>
            <div class="actions">
              <button type="button" class="button danger-fill" disabled={busy} onClick={remove}>
                {busy ? t('form.sending') : t('console.team.confirm')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => setAsking(false)}>
                {t('form.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div class="actions">
            <button type="button" class="button button-secondary danger" onClick={() => setAsking(true)}>
              {t('console.team.remove')}
            </button>
          </div>
        ))}
    </li>
  );
}

function Invite({ onInvited }: { onInvited: (message: string) => void }): JSX.Element {
  const { t, locale } = useT();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const address = email.trim();
    if (!isEmail(address)) return setError(t('console.team.emailInvalid'));
    setBusy(true);
    setError(undefined);
    try {
      const { invited, member } = await consoleApi.invite(address, locale);
      setEmail('');
      onInvited(invited ? t('console.team.invitedDone', { email: isolate(member.email) }) : t('console.team.promoted', { email: isolate(member.email) }));
    } catch (failure) {
      setError(failure instanceof ApiRequestError && failure.code === 'already_operator' ? t('console.team.already') : (apiErrors(t, failure).fields.email ?? apiErrors(t, failure).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form-card console-invite" onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">{t('console.team.inviteTitle')}</h2>
      <p>{t('console.team.inviteIntro', { days: String(PASSWORD_POLICY.temporaryPasswordDays) })}</p>
      <Field id="invite-email" label={t('console.team.email')} error={error}>
        {(d, invalid) => <input id="invite-email" type="email" inputMode="email" autocomplete="off" dir="ltr" maxLength={254} value={email} aria-describedby={d} aria-invalid={invalid} onInput={(e) => setEmail(inputValue(e))} />}
      </Field>
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('form.sending') : t('console.team.invite')}
      </button>
    </form>
  );
}
