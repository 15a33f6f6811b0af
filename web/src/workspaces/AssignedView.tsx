/** The tasks assigned to the caller in every workspace they belong to (GET /me/assigned-tasks). */

import type { TaskApiClient, Workspace, WorkspaceTask } from '@task-api/sdk';
import { useCallback, useMemo } from 'preact/hooks';
import { routeHref } from '../route.js';
import { PAGE_SIZE, workspaceTaskOps } from '../tasks/container.js';
import { usePagedList } from '../tasks/paged.js';
import { TaskItem } from '../tasks/TaskItem.js';
import { ErrorNote } from '../ui/fields.js';

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
  const nameOf = (id: string) => workspaces?.find((w) => w.workspace_id === id)?.name ?? id;
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
            meta={
              <>
                {' · in '}
                <a href={routeHref({ view: 'workspace', workspaceId: task.workspace_id })}>
                  {nameOf(task.workspace_id)}
                </a>
              </>
            }
            onChanged={(changed) =>
              list.setItems((items) =>
                items.flatMap((t) =>
                  t.task_id !== changed.task_id ? [t] : changed.assignee === me ? [changed] : [],
                ),
              )
            }
            onDeleted={(taskId) =>
              list.setItems((items) => items.filter((t) => t.task_id !== taskId))
            }
          />
        ))}
      </ul>
      {!list.loading && list.items.length === 0 && !list.error && (
        <p>No tasks are assigned to you.</p>
      )}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}
