/**
 * The task board: signed out, the auth forms; signed in, the switcher and the chosen board (the
 * person's own tasks and the admin view, their upcoming tasks, a workspace, its members, or the
 * tasks assigned to them).
 */
import type { TaskApiClient } from '@task-api/sdk';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AuthPanel } from './auth/AuthPanel.js';
import type { CognitoClient } from './auth/cognito.js';
import type { Session, User } from './auth/session.js';
import { UpcomingView } from './planning/UpcomingView.js';
import { go, type Route, useRoute } from './route.js';
import { AdminView } from './tasks/AdminView.js';
import { Board } from './tasks/Board.js';
import { personalTasks } from './tasks/container.js';
import { clearDrafts } from './tasks/draft.js';
import { AssignedView } from './workspaces/AssignedView.js';
import { useMyWorkspaces } from './workspaces/hooks.js';
import { MembersPage } from './workspaces/MembersPage.js';
import { WorkspaceBoard } from './workspaces/WorkspaceBoard.js';
import { WorkspaceNav } from './workspaces/WorkspaceNav.js';

/** The product's name, as web/index.html's title has it. */
export const APP_NAME = 'Task board';

interface Props {
  api: TaskApiClient;
  cognito: CognitoClient;
  session: Session;
}

export function App({ api, cognito, session }: Props) {
  const [user, setUser] = useState(session.user());
  useEffect(() => session.subscribe(() => setUser(session.user())), [session]);

  if (!user) return <AuthPanel cognito={cognito} session={session} appName={APP_NAME} />;
  return (
    <>
      <header class="app">
        <h1>{APP_NAME}</h1>
        <p>
          Signed in as <strong>{user.email}</strong>{' '}
          <button
            type="button"
            class="quiet"
            onClick={() => {
              clearDrafts();
              void session.signOut();
            }}
          >
            Sign out
          </button>
        </p>
      </header>
      <SignedIn key={user.sub} api={api} user={user} />
    </>
  );
}

/** Keyed by user in App, so nothing of one person's boards outlives their sign-out. */
function SignedIn({ api, user }: { api: TaskApiClient; user: User }) {
  const route = useRoute();
  const mine = useMyWorkspaces(api);
  const [notice, setNotice] = useState<string>();
  // The names of the workspaces the person was in, for the notice once they are removed.
  const names = useRef(new Map<string, string>());
  for (const w of mine.value?.workspaces ?? []) names.current.set(w.workspace_id, w.name);
  // Membership changes elsewhere (an invitation, a removal): fresh on every switch of board.
  const routeKey = JSON.stringify(route);
  const first = useRef(true);
  useEffect(() => {
    if (route.view !== 'personal') setNotice(undefined);
    // The first load is useMyWorkspaces' own.
    if (first.current) first.current = false;
    else void mine.reload();
  }, [routeKey]);
  const onRemoved = (workspaceId: string) => {
    const name = names.current.get(workspaceId);
    setNotice(
      name
        ? `You are no longer a member of ${name}.`
        : 'That workspace does not exist, or you are no longer a member of it.',
    );
    go({ view: 'personal' });
  };
  return (
    <>
      <WorkspaceNav api={api} mine={mine} route={route} />
      <main>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <Screen route={route} api={api} user={user} mine={mine} onRemoved={onRemoved} />
      </main>
    </>
  );
}

interface ScreenProps {
  route: Route;
  api: TaskApiClient;
  user: User;
  mine: ReturnType<typeof useMyWorkspaces>;
  /** A workspace answered 404: the person is not (or no longer) a member. */
  onRemoved: (workspaceId: string) => void;
}

function Screen({ route, api, user, mine, onRemoved }: ScreenProps) {
  const personal = useMemo(() => personalTasks(api), [api]);
  switch (route.view) {
    case 'personal':
      return (
        <>
          <Board container={personal} title="My tasks" />
          {user.isAdmin && <AdminView api={api} />}
        </>
      );
    case 'upcoming':
      return <UpcomingView api={api} workspaces={mine.value?.workspaces} />;
    case 'assigned':
      return <AssignedView api={api} me={user.sub} workspaces={mine.value?.workspaces} />;
    case 'workspace':
      return (
        <WorkspaceBoard
          key={route.workspaceId}
          api={api}
          workspaceId={route.workspaceId}
          me={user.sub}
          onRemoved={onRemoved}
        />
      );
    case 'members':
      return (
        <MembersPage
          key={route.workspaceId}
          api={api}
          workspaceId={route.workspaceId}
          me={user.sub}
          onWorkspacesChanged={mine.reload}
          onRemoved={onRemoved}
        />
      );
  }
}
