/** The task board: signed out, the auth forms; signed in, the person's tasks (and the admin view). */
import type { TaskApiClient } from '@task-api/sdk';
import { useEffect, useState } from 'preact/hooks';
import { AuthPanel } from './auth/AuthPanel.js';
import type { CognitoClient } from './auth/cognito.js';
import type { Session } from './auth/session.js';
import { AdminView } from './tasks/AdminView.js';
import { Board } from './tasks/Board.js';
import { DRAFT_KEY } from './tasks/draft.js';

interface Props {
  api: TaskApiClient;
  cognito: CognitoClient;
  session: Session;
}

export function App({ api, cognito, session }: Props) {
  const [user, setUser] = useState(session.user());
  useEffect(() => session.subscribe(() => setUser(session.user())), [session]);

  if (!user) return <AuthPanel cognito={cognito} session={session} />;
  return (
    <>
      <header>
        <h1>Task board</h1>
        <p>
          Signed in as <strong>{user.email}</strong>{' '}
          <button
            type="button"
            onClick={() => {
              localStorage.removeItem(DRAFT_KEY);
              void session.signOut();
            }}
          >
            Sign out
          </button>
        </p>
      </header>
      <main>
        <Board api={api} />
        {user.isAdmin && <AdminView api={api} />}
      </main>
    </>
  );
}
