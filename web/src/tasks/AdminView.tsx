/** For members of `admins`: every user's tasks in one status, paged (GET /admin/tasks). */
import type { AdminTask, TaskApiClient, TaskStatus } from '@task-api/sdk';
import { useCallback, useState } from 'preact/hooks';
import { ErrorNote, Field } from '../ui/fields.js';
import { RelativeTime } from '../ui/RelativeTime.js';
import { PAGE_SIZE } from './container.js';
import { usePagedList } from './paged.js';
import { StatusOptions } from './status.js';

export function AdminView({ api }: { api: TaskApiClient }) {
  const [status, setStatus] = useState<TaskStatus>('pending');
  const load = useCallback(
    (cursor: string | undefined) =>
      api.listTasksByStatus({ status, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    [api, status],
  );
  const list = usePagedList<AdminTask>(load);
  return (
    <section aria-labelledby="admin-title">
      <h2 id="admin-title">All users' tasks</h2>
      <Field id="admin-status" label="Status">
        {(aria) => (
          <select
            {...aria}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as TaskStatus)}
          >
            <StatusOptions />
          </select>
        )}
      </Field>
      <ErrorNote message={list.error} />
      <ul class="tasks" aria-label="All users' tasks" aria-busy={list.loading}>
        {list.items.map((task) => (
          <li key={task.task_id} class="task">
            <h3>{task.title}</h3>
            <p class="meta">
              user {task.user_id} · <RelativeTime iso={task.updated_at} label="updated" />
            </p>
          </li>
        ))}
      </ul>
      {!list.loading && list.items.length === 0 && !list.error && <p>No tasks in this status.</p>}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}
