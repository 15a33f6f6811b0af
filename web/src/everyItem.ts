/**
 * Every item of a listing, by its operationId: the one place the app reads the SDK's paginators,
 * so a change of their API is a change here alone.
 */
import type { TaskApiClient } from '@task-api/sdk';

type Pages = TaskApiClient['pages'];
const PAGES = {
  listWorkspaces: 'workspaces',
  listMyInvitations: 'invitations',
  listMembers: 'members',
} as const satisfies Record<string, keyof Pages>;
type Listing = keyof typeof PAGES;
type Paginator<L extends Listing> = Pages[(typeof PAGES)[L]];
type ItemOf<L extends Listing> =
  ReturnType<Paginator<L>> extends AsyncIterable<infer I> ? I : never;

export async function everyItem<L extends Listing>(
  api: TaskApiClient,
  listing: L,
  ...args: Parameters<Paginator<L>>
): Promise<ItemOf<L>[]> {
  const paginator = api.pages[PAGES[listing]] as (...a: typeof args) => AsyncIterable<ItemOf<L>>;
  const out: ItemOf<L>[] = [];
  for await (const item of paginator(...args)) out.push(item);
  return out;
}
