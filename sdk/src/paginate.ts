/**
 * One paginator for every list operation of openapi.yaml (an answer with `next_cursor` and one
 * array of items): follows the cursor to the last page and yields the items one by one.
 */
import type { operations } from '../../src/contract/api.generated.js';
import { TaskApiProblemError } from './errors.js';
import type { TaskApiResult } from './types.js';

type Ok<O extends keyof operations> = operations[O]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The operations whose answer is a page of a listing. */
export type ListOperation = {
  [O in keyof operations]: [Ok<O>] extends [never]
    ? never
    : 'next_cursor' extends keyof Ok<O>
      ? O
      : never;
}[keyof operations];

/** What a listing yields: the items of its pages' array (`tasks`, `workspaces`, ...). */
export type ListItem<O extends ListOperation> = O extends ListOperation
  ? { [K in keyof Ok<O>]-?: Ok<O>[K] extends (infer Item)[] ? Item : never }[keyof Ok<O>]
  : never;

/** The client's own method for each list operation. */
export type ListMethods = {
  [O in ListOperation]: (...args: never[]) => Promise<TaskApiResult<Ok<O>>>;
};

/**
 * `paginate(operationId, ...the arguments of that method)`: path parameters first, then the
 * query (its `cursor`, if any, is where the listing starts), then the call options.
 */
export function paginator<M extends ListMethods>(methods: M) {
  return async function* paginate<O extends ListOperation>(
    operation: O,
    ...args: Parameters<M[O]>
  ): AsyncGenerator<ListItem<O>, void, undefined> {
    // Every method takes its path parameters (strings) before its query object.
    const at = args.findIndex((arg) => typeof arg !== 'string');
    const queryAt = at === -1 ? args.length : at;
    const query = (args[queryAt] ?? {}) as { cursor?: string };
    const list = methods[operation] as (
      ...args: unknown[]
    ) => Promise<TaskApiResult<Record<string, unknown> & { next_cursor?: string }>>;
    let cursor = query.cursor;
    do {
      const call: unknown[] = [...args];
      call[queryAt] = { ...query, cursor };
      const page = await list(...call);
      if (page.error) throw new TaskApiProblemError(page.error, page.response);
      yield* Object.values(page.data).find(Array.isArray) as ListItem<O>[];
      cursor = page.data.next_cursor;
    } while (cursor !== undefined);
  };
}
