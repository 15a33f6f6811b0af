/** What every task list does with its paged items: a change, a deletion, its end ("Load more"). */
import { madeNextOccurrence } from '../planning/planning.js';
import type { TaskLike } from './container.js';
import type { PagedList } from './paged.js';

/**
 * A task changed: kept in place while `keep` says it belongs to the list, else dropped. A
 * completed repeating task has a next occurrence the API made: the first page again lists it.
 */
export const onTaskChanged =
  <T extends TaskLike>(list: PagedList<T>, keep: (task: T) => boolean) =>
  (changed: T) => {
    const before = list.items.find((t) => t.task_id === changed.task_id);
    if (madeNextOccurrence(before, changed)) return list.reload();
    list.setItems((items) =>
      items.flatMap((t) => (t.task_id !== changed.task_id ? [t] : keep(changed) ? [changed] : [])),
    );
  };

export const onTaskDeleted =
  <T extends TaskLike>(list: PagedList<T>) =>
  (taskId: string) =>
    list.setItems((items) => items.filter((t) => t.task_id !== taskId));

/** Below the list: what an empty list means, and "Load more" while there is more. */
export function ListEnd<T>({ list, empty }: { list: PagedList<T>; empty: string }) {
  return (
    <>
      {!list.loading && list.items.length === 0 && !list.error && <p>{empty}</p>}
      {list.hasMore && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          Load more
        </button>
      )}
    </>
  );
}
