/**
 * A workspace's members and invitations: invite by e-mail, change roles, remove, revoke, leave,
 * rename and delete, each offered only to the roles the server allows.
 */
import type { Member, TaskApiClient, TaskApiResult, Workspace, WorkspaceRole } from '@task-api/sdk';
import { useState } from 'preact/hooks';
import { go, routeHref } from '../route.js';
import { useAction } from '../ui/action.js';
import { ContractField } from '../ui/ContractField.js';
import { ErrorNote, Field } from '../ui/fields.js';
import { memberName, useMembers, useNotMember, useWorkspace } from './hooks.js';
import { invitableRoles, offers, ROLE_LABELS } from './permissions.js';
import { WorkspaceSettings } from './WorkspaceSettings.js';

interface Props {
  api: TaskApiClient;
  workspaceId: string;
  me: string;
  /** After the caller's workspaces change (left, deleted, renamed). */
  onWorkspacesChanged: () => Promise<void>;
  /** The workspace answered 404: the caller is not, or no longer, a member. */
  onRemoved: (workspaceId: string) => void;
}

export function MembersPage({ api, workspaceId, me, onWorkspacesChanged, onRemoved }: Props) {
  const workspace = useWorkspace(api, workspaceId);
  useNotMember(workspace, workspaceId, onRemoved);
  const members = useMembers(api, workspaceId);
  const ws = workspace.value;
  const error = workspace.error ?? members.error;
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Members{ws ? ` of ${ws.name}` : ''}</h2>
      <p class="meta">
        <a href={routeHref({ view: 'workspace', workspaceId })}>Back to the board</a>
      </p>
      <ErrorNote message={error} />
      {ws && members.value && (
        <>
          {offers(ws.role, 'inviteMember') && (
            <InviteForm api={api} workspace={ws} onInvited={members.reload} />
          )}
          <ul class="members" aria-label="Members">
            {members.value.map((m) => (
              <MemberRow
                key={m.user_id ?? m.email}
                api={api}
                workspace={ws}
                member={m}
                me={me}
                onChanged={members.reload}
              />
            ))}
          </ul>
          <WorkspaceSettings
            api={api}
            workspace={ws}
            onChanged={async () => {
              await workspace.reload();
              await onWorkspacesChanged();
            }}
            onGone={async () => {
              await onWorkspacesChanged();
              go({ view: 'personal' });
            }}
          />
        </>
      )}
    </section>
  );
}

function InviteForm(props: { api: TaskApiClient; workspace: Workspace; onInvited: () => void }) {
  const roles = invitableRoles(props.workspace.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('member');
  const action = useAction();
  async function submit(event: Event) {
    event.preventDefault();
    const id = props.workspace.workspace_id;
    const body = { email: email.trim(), role };
    const sent = { operation: 'inviteMember', body } as const;
    if (await action.run(() => props.api.inviteMember(id, body), sent)) {
      setEmail('');
      props.onInvited();
    }
  }
  return (
    <form class="add" onSubmit={submit} aria-labelledby="invite-title" noValidate>
      <h3 id="invite-title">Invite someone</h3>
      <ContractField
        id="invite-email"
        label="Email"
        type="email"
        operation="inviteMember"
        field="email"
        value={email}
        onInput={setEmail}
        error={action.errors.email}
      />
      <Field id="invite-role" label="Role" error={action.errors.role}>
        {(aria) => (
          <select
            {...aria}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as WorkspaceRole)}
          >
            {roles.map((r) => (
              <option value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNote message={action.error} />
      <button type="submit" class="primary" disabled={action.busy}>
        Invite
      </button>
    </form>
  );
}

interface RowProps {
  api: TaskApiClient;
  workspace: Workspace;
  member: Member;
  me: string;
  onChanged: () => void;
}

function MemberRow({ api, workspace, member, me, onChanged }: RowProps) {
  const action = useAction();
  const [confirm, setConfirm] = useState(false);
  const id = workspace.workspace_id;
  const name = memberName(member);
  const self = member.user_id === me;
  const targetRole = member.role;
  const pending = member.status === 'pending';
  const userId = member.user_id;

  const canChangeRole = !pending && offers(workspace.role, 'updateMember', { targetRole });
  const canRemove = !pending && !self && offers(workspace.role, 'removeMember', { targetRole });
  const canRevoke = pending && offers(workspace.role, 'revokeInvitation', { targetRole });

  const run = async (call: () => Promise<TaskApiResult<unknown>>) => {
    if (await action.run(call)) onChanged();
    setConfirm(false);
  };

  return (
    <li class="member" aria-label={name}>
      <p>
        <strong>{name}</strong>
        {self && ' (you)'}
        <span class="meta">
          {' · '}
          {pending
            ? `invited as ${ROLE_LABELS[targetRole].toLowerCase()}`
            : ROLE_LABELS[targetRole]}
        </span>
      </p>
      <div class="actions">
        {canChangeRole && userId && (
          <Field id={`role-${userId}`} label={`Role of ${name}`}>
            {(aria) => (
              <select
                {...aria}
                class="compact"
                value={targetRole}
                disabled={action.busy}
                onChange={(e) => {
                  const role = e.currentTarget.value as WorkspaceRole;
                  void run(() => api.updateMember(id, userId, role));
                }}
              >
                {Object.entries(ROLE_LABELS).map(([value, label]) => (
                  <option value={value}>{label}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        {canRemove &&
          userId &&
          (confirm ? (
            <fieldset class="actions confirm">
              <legend>Remove {name}?</legend>
              <button
                type="button"
                class="danger primary"
                disabled={action.busy}
                onClick={() => run(() => api.removeMember(id, userId))}
              >
                Yes, remove
              </button>
              <button type="button" onClick={() => setConfirm(false)}>
                Keep
              </button>
            </fieldset>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirm(true)}>
              Remove
            </button>
          ))}
        {canRevoke && member.email && (
          <button
            type="button"
            class="danger"
            disabled={action.busy}
            onClick={() => run(() => api.revokeInvitation(id, member.email as string))}
          >
            Revoke invitation
          </button>
        )}
      </div>
      <ErrorNote message={action.error} />
    </li>
  );
}
