/** A cursor-paged listing: the first page on every change of query, then "load more". */
import type { Problem, TaskApiResult } from '@task-api/sdk';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { failureMessage, problemMessage } from '../ui/problems.js';

type Page<T> = { tasks: T[]; next_cursor?: string };
export type LoadPage<T> = (cursor: string | undefined) => Promise<TaskApiResult<Page<T>>>;

export interface PagedList<T> {
  items: T[];
  setItems: (update: (items: T[]) => T[]) => void;
  hasMore: boolean;
  loading: boolean;
  error: string | undefined;
  loadMore: () => void;
  /** The first page again (a change made elsewhere, such as a repeat's next occurrence). */
  reload: () => void;
}

/** `load` must keep its identity (useCallback) until the query changes: a new one starts over. */
export function usePagedList<T>(load: LoadPage<T>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<string>();
  // The query whose first page (or refusal) is shown: until it is `load`, the list is loading,
  // from the very render that changed the query (aria-busy never claims a stale list is ready).
  const [shownFor, setShownFor] = useState<LoadPage<T>>();
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (from: string | undefined, replace: boolean) => {
      const mine = ++generation.current;
      setFetching(true);
      setError(undefined);
      try {
        const result = await load(from);
        if (mine !== generation.current) return; // a newer query won
        if (result.error) {
          setError(problemMessage(result.error as Problem));
          return;
        }
        setItems((old) => (replace ? result.data.tasks : [...old, ...result.data.tasks]));
        setCursor(result.data.next_cursor);
      } catch (err) {
        if (mine === generation.current) setError(failureMessage(err));
      } finally {
        if (mine === generation.current) {
          setFetching(false);
          setShownFor(() => load);
        }
      }
    },
    [load],
  );

  useEffect(() => {
    setItems([]);
    setCursor(undefined);
    void fetchPage(undefined, true);
  }, [fetchPage]);

  return {
    items,
    setItems,
    hasMore: cursor !== undefined,
    loading: fetching || shownFor !== load,
    error,
    loadMore: () => void fetchPage(cursor, false),
    reload: () => void fetchPage(undefined, true),
  };
}
