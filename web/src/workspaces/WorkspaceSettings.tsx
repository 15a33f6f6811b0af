/** A workspace's own settings on its members page: rename, leave, delete (each as the role allows). */
import type { TaskApiClient, Workspace } from '@task-api/sdk';
import { useState } from 'preact/hooks';
import { useAction } from '../ui/action.js';
import { ContractField } from '../ui/ContractField.js';
import { ErrorNote } from '../ui/fields.js';
import { offers } from './permissions.js';

/** How many times a deletion is continued before the person is asked to try again. */
const DELETE_ROUNDS = 20;

interface SettingsProps {
  api: TaskApiClient;
  workspace: Workspace;
  onChanged: () => Promise<void>;
  onGone: () => Promise<void>;
}

export function WorkspaceSettings({ api, workspace, onChanged, onGone }: SettingsProps) {
  const [name, setName] = useState(workspace.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const action = useAction();
  const id = workspace.workspace_id;

  async function rename(event: Event) {
    event.preventDefault();
    const sent = { operation: 'renameWorkspace', body: { name } } as const;
    if (await action.run(() => api.renameWorkspace(id, name), sent)) await onChanged();
  }
  async function remove() {
    // Not done (202): deleted in part; the contract says to send DELETE again to continue.
    const deleteAll = async () => {
      let result = await api.deleteWorkspace(id);
      for (let again = 0; again < DELETE_ROUNDS && result.data?.done === false; again++) {
        result = await api.deleteWorkspace(id);
      }
      return result;
    };
    if (await action.run(deleteAll)) await onGone();
    setConfirmDelete(false);
  }

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h3 id="settings-title">This workspace</h3>
      {offers(workspace.role, 'renameWorkspace') && (
        <form class="inline" onSubmit={rename} aria-label="Rename workspace" noValidate>
          <ContractField
            id="workspace-name"
            label="Name"
            operation="renameWorkspace"
            field="name"
            value={name}
            onInput={setName}
            error={action.errors.name}
          />
          <button type="submit" disabled={action.busy}>
            Rename
          </button>
        </form>
      )}
      <div class="actions">
        <button
          type="button"
          disabled={action.busy}
          onClick={async () => {
            if (await action.run(() => api.leaveWorkspace(id))) await onGone();
          }}
        >
          Leave workspace
        </button>
        {offers(workspace.role, 'deleteWorkspace') &&
          (confirmDelete ? (
            <fieldset class="actions confirm">
              <legend>Delete {workspace.name} and all its tasks?</legend>
              <button type="button" class="danger primary" disabled={action.busy} onClick={remove}>
                Yes, delete
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </fieldset>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
              Delete workspace
            </button>
          ))}
      </div>
      <ErrorNote message={action.error} />
    </section>
  );
}
