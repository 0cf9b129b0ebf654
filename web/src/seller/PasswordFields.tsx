import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '../../../shared/domain/passwords.ts';
import { useT } from './i18n/index.ts';
import { inputValue } from './ui.tsx';

/** A password box with a show/hide button (typing a long passphrase on a phone is easier seen). */
export function PasswordInput({ id, value, onInput, describedBy, invalid, autocomplete }: { id: string; value: string; onInput: (v: string) => void; describedBy?: string; invalid: boolean; autocomplete: string }): JSX.Element {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  return (
    <div class="password-input">
      <input
        id={id}
        type={shown ? 'text' : 'password'}
        value={value}
        required
        autocomplete={autocomplete}
        dir="auto"
        aria-describedby={describedBy}
        aria-invalid={invalid}
        onInput={(e) => onInput(inputValue(e))}
      />
      <button type="button" class="button button-small button-secondary" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
        {shown ? t('account.hidePassword') : t('account.showPassword')}
      </button>
    </div>
  );
}

/**
 * The one rule (its length, ticked as it is typed, with a passphrase as the example) and, once
 * something is typed, what else is wrong: a common or guessable password, the person's own
 * e-mail or phone, a space at either end (shared/domain/passwords.ts).
 */
export function PasswordRules({ password, email, phone }: { password: string; email?: string; phone?: string }): JSX.Element {
  const { t } = useT();
  const problems = passwordProblems(password, { email, phone });
  const long = !problems.includes('length');
  const other = password ? problems.filter((p) => p !== 'length') : [];
  return (
    <ul class="rules" aria-label={t('account.rulesTitle')} aria-live="polite">
      <li class={long ? 'rule-ok' : 'rule-todo'}>
        <span aria-hidden="true">{long ? '✓' : '•'}</span> {t('account.rule.length', { n: String(PASSWORD_MIN_LENGTH) })}
        <span class="visually-hidden">{long ? ` — ${t('account.ruleMet')}` : ''}</span>
      </li>
      {other.map((problem) => (
        <li key={problem} class="rule-bad">
          <span aria-hidden="true">✗</span> {t(`account.rule.${problem as 'common' | 'personal' | 'edges'}`)}
        </li>
      ))}
    </ul>
  );
}

export const passwordOk = (password: string, context: { email?: string; phone?: string } = {}) => passwordProblems(password, context).length === 0;
