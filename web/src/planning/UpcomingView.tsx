/**
 * "Upcoming": what the caller still has to do in the next 14 days and everything overdue, their
 * own tasks and those assigned to them in any workspace, soonest due first (GET /me/agenda),
 * under a heading per day ("Overdue", "Today", "Tomorrow", "Wed 9 Dec").
 */
import { type AgendaTask, localTimeZone, type TaskApiClient, type Workspace } from '@task-api/sdk';
import { useCallback, useMemo } from 'preact/hooks';
import { PAGE_SIZE } from '../tasks/container.js';
import { ListEnd, onTaskChanged, onTaskDeleted } from '../tasks/listParts.js';
import { usePagedList } from '../tasks/paged.js';
import { TaskItem } from '../tasks/TaskItem.js';
import { ErrorNote } from '../ui/fields.js';
import { useNow } from '../ui/RelativeTime.js';
import { InWorkspace } from '../workspaces/InWorkspace.js';
import { agendaDays } from './agendaDays.js';
import { agendaTaskOps, agendaWindow } from './agendaOps.js';

interface Props {
  api: TaskApiClient;
  workspaces: Workspace[] | undefined;
}

export function UpcomingView({ api, workspaces }: Props) {
  const range = useMemo(() => agendaWindow(new Date()), []);
  const load = useCallback(
    (cursor: string | undefined) =>
      api.listMyAgenda({ ...range, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    [api, range],
  );
  const list = usePagedList<AgendaTask>(load);
  const ops = useMemo(() => {
    const cache = new Map<string | null, ReturnType<typeof agendaTaskOps>>();
    return (id: string | null) => {
      const known = cache.get(id) ?? agendaTaskOps(api, id);
      cache.set(id, known);
      return known;
    };
  }, [api]);
  const now = useNow();
  const days = agendaDays(list.items, now, localTimeZone());
  return (
    <section aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">Upcoming</h2>
      <p class="meta">Due in the next 14 days, and overdue, soonest first.</p>
      <ErrorNote message={list.error} />
      <div class="agenda" aria-busy={list.loading}>
        {days.map((day) => (
          <section key={day.key} aria-labelledby={`day-${day.key}`}>
            <h3 id={`day-${day.key}`} class={`day ${day.key}`}>
              {day.title}
            </h3>
            <ul class="tasks" aria-labelledby={`day-${day.key}`}>
              {day.tasks.map((task) => (
                <TaskItem
                  key={task.task_id}
                  task={task}
                  level={4}
                  ops={ops(task.workspace_id)}
                  meta={<InWorkspace workspaceId={task.workspace_id} workspaces={workspaces} />}
                  // The agenda lists open tasks only.
                  onChanged={onTaskChanged(list, (t) => t.status !== 'completed')}
                  onDeleted={onTaskDeleted(list)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <ListEnd list={list} empty="Nothing is due in the next 14 days, and nothing is overdue." />
    </section>
  );
}
