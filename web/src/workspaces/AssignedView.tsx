/** The tasks assigned to the caller in every workspace they belong to (GET /me/assigned-tasks). */

import type { TaskApiClient, Workspace, WorkspaceTask } from '@task-api/sdk';
import { useCallback, useMemo } from 'preact/hooks';
import { PAGE_SIZE, workspaceTaskOps } from '../tasks/container.js';
import { ListEnd, onTaskChanged, onTaskDeleted } from '../tasks/listParts.js';
import { usePagedList } from '../tasks/paged.js';
import { TaskItem } from '../tasks/TaskItem.js';
import { ErrorNote } from '../ui/fields.js';
import { InWorkspace } from './InWorkspace.js';

interface Props {
  api: TaskApiClient;
  me: string;
  workspaces: Workspace[] | undefined;
}

export function AssignedView({ api, me, workspaces }: Props) {
  const load = useCallback(
    (cursor: string | undefined) =>
      api.listMyAssignedTasks({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    [api],
  );
  const list = usePagedList<WorkspaceTask>(load);
  const ops = useMemo(() => workspaceTaskOps(api), [api]);
  return (
    <section aria-labelledby="assigned-title">
      <h2 id="assigned-title">Assigned to me</h2>
      <ErrorNote message={list.error} />
      <ul class="tasks" aria-label="Tasks" aria-busy={list.loading}>
        {list.items.map((task) => (
          <TaskItem
            key={task.task_id}
            task={task}
            ops={ops}
            meta={<InWorkspace workspaceId={task.workspace_id} workspaces={workspaces} />}
            onChanged={onTaskChanged(list, (t) => t.assignee === me)}
            onDeleted={onTaskDeleted(list)}
          />
        ))}
      </ul>
      <ListEnd list={list} empty="No tasks are assigned to you." />
    </section>
  );
}
