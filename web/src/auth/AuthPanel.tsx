/** Sign in, sign up and confirm: three small forms on Cognito's API. */
import { useState } from 'preact/hooks';
import { ErrorNote, Field } from '../ui/fields.js';
import { failureMessage } from '../ui/problems.js';
import type { CognitoClient } from './cognito.js';
import { signInMessage } from './messages.js';
import { PASSWORD_POLICY, passwordProblem } from './password.js';
import type { Session } from './session.js';

type Mode = 'sign-in' | 'sign-up' | 'confirm';

interface Props {
  cognito: CognitoClient;
  session: Session;
  /** Shown above the forms, so the person knows where they are signing in. */
  appName: string;
}

export function AuthPanel({ cognito, session, appName }: Props) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [passwordError, setPasswordError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);

  const go = (next: Mode) => {
    setMode(next);
    setError(undefined);
    setPasswordError(undefined);
  };

  async function run(action: () => Promise<void>, describe = failureMessage) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (mode === 'sign-up') {
      const problem = passwordProblem(password);
      setPasswordError(problem);
      if (problem) return;
      void run(async () => {
        await cognito.signUp(email, password);
        setNote(`We sent a confirmation code to ${email}.`);
        go('confirm');
      });
    } else if (mode === 'confirm') {
      void run(async () => {
        await cognito.confirmSignUp(email, code.trim());
        setNote('Your account is confirmed. Sign in.');
        go('sign-in');
      });
    } else {
      void run(() => session.signIn(email, password), signInMessage);
    }
  };

  const title = {
    'sign-in': 'Sign in',
    'sign-up': 'Create an account',
    confirm: 'Confirm your email',
  }[mode];
  const submit = { 'sign-in': 'Sign in', 'sign-up': 'Sign up', confirm: 'Confirm' }[mode];
  return (
    <main class="auth">
      <p class="brand">{appName}</p>
      <h1>{title}</h1>
      {note && <p role="status">{note}</p>}
      <form onSubmit={onSubmit} noValidate>
        <Field id="email" label="Email" required>
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="username"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        {mode === 'confirm' ? (
          <Field
            id="code"
            label="Confirmation code"
            hint="The code in the email we sent you."
            required
          >
            {(aria) => (
              <input
                {...aria}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </Field>
        ) : (
          <Field
            id="password"
            label="Password"
            hint={mode === 'sign-up' ? PASSWORD_POLICY : undefined}
            error={passwordError}
            required
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <ErrorNote message={error} />
        <button type="submit" class="primary" disabled={busy}>
          {submit}
        </button>
      </form>
      <p class="switch">
        {mode === 'sign-in' ? (
          <button type="button" class="link" onClick={() => go('sign-up')}>
            Create an account
          </button>
        ) : (
          <button type="button" class="link" onClick={() => go('sign-in')}>
            I have an account
          </button>
        )}
        {mode !== 'confirm' && (
          <button type="button" class="link" onClick={() => go('confirm')}>
            I have a confirmation code
          </button>
        )}
      </p>
    </main>
  );
}
