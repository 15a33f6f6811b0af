/** The switcher: "My tasks", "Upcoming", "Assigned to me", each workspace; a new workspace; invitations to accept. */

import type { Invitation, TaskApiClient } from '@task-api/sdk';
import { useState } from 'preact/hooks';
import { go, type Route, routeHref } from '../route.js';
import { useAction } from '../ui/action.js';
import { ContractField } from '../ui/ContractField.js';
import { ErrorNote } from '../ui/fields.js';
import { failureMessage, problemMessage } from '../ui/problems.js';
import type { Loaded, MyWorkspaces } from './hooks.js';
import { ROLE_LABELS } from './permissions.js';

interface Props {
  api: TaskApiClient;
  mine: Loaded<MyWorkspaces>;
  route: Route;
}

export function WorkspaceNav({ api, mine, route }: Props) {
  const current = 'workspaceId' in route ? route.workspaceId : route.view;
  const link = (key: string, href: string, label: string) => (
    <li key={key}>
      <a href={href} aria-current={current === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="switcher" aria-label="Boards">
      <ul>
        {link('personal', routeHref({ view: 'personal' }), 'My tasks')}
        {link('upcoming', routeHref({ view: 'upcoming' }), 'Upcoming')}
        {link('assigned', routeHref({ view: 'assigned' }), 'Assigned to me')}
        {mine.value?.workspaces.map((w) =>
          link(
            w.workspace_id,
            routeHref({ view: 'workspace', workspaceId: w.workspace_id }),
            w.name,
          ),
        )}
      </ul>
      <ErrorNote message={mine.error} />
      {mine.value && mine.value.invitations.length > 0 && (
        <Invitations api={api} invitations={mine.value.invitations} onDone={mine.reload} />
      )}
      <NewWorkspace api={api} onCreated={mine.reload} />
    </nav>
  );
}

function Invitations(props: {
  api: TaskApiClient;
  invitations: Invitation[];
  onDone: () => Promise<void>;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function answer(invitation: Invitation, accept: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const id = invitation.workspace_id;
      const result = accept
        ? await props.api.acceptInvitation(id)
        : await props.api.declineInvitation(id);
      if (result.error) setError(problemMessage(result.error));
      await props.onDone();
      if (accept && !result.error) go({ view: 'workspace', workspaceId: id });
    } catch (err) {
      setError(failureMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="invitations" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      <ul>
        {props.invitations.map((inv) => (
          <li key={inv.workspace_id} class="actions">
            <span>
              <strong>{inv.workspace_name}</strong> as {ROLE_LABELS[inv.role].toLowerCase()}
            </span>
            <button type="button" disabled={busy} onClick={() => answer(inv, true)}>
              Accept {inv.workspace_name}
            </button>
            <button type="button" disabled={busy} onClick={() => answer(inv, false)}>
              Decline
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote message={error} />
    </section>
  );
}

/** A button until the person asks for a workspace: no field above every board. */
function NewWorkspace({ api, onCreated }: { api: TaskApiClient; onCreated: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const action = useAction();
  if (!open) {
    return (
      <button type="button" class="new-workspace" onClick={() => setOpen(true)}>
        New workspace
      </button>
    );
  }
  async function submit(event: Event) {
    event.preventDefault();
    // One key per typed name, so a create retried after a lost answer is made once.
    const created = await action.run(() => api.createWorkspace({ name }, { idempotencyKey: key }), {
      operation: 'createWorkspace',
      body: { name },
    });
    if (!created) return;
    setName('');
    setKey(crypto.randomUUID());
    setOpen(false);
    await onCreated();
    go({ view: 'workspace', workspaceId: created.data.workspace_id });
  }
  return (
    <form class="inline" onSubmit={submit} aria-label="New workspace" noValidate>
      <ContractField
        id="new-workspace"
        label="Workspace name"
        operation="createWorkspace"
        field="name"
        value={name}
        onInput={(value) => {
          setName(value);
          setKey(crypto.randomUUID());
        }}
        error={action.errors.name}
        autoFocus
      />
      <button type="submit" class="primary" disabled={action.busy}>
        Create workspace
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorNote message={action.error} />
    </form>
  );
}
