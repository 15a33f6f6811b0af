/**
 * The caller's agenda (docs/architecture.md#access-patterns): their open tasks, own and assigned,
 * soonest due first, from their partition of the agenda index (GSI3). It covers the window and
 * everything overdue: one key range when the window starts before the first page's request, two
 * otherwise, each page one Query of one range (and one BatchGetItem of the memberships its
 * workspace tasks need, as the assigned-tasks listing does).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { components } from '../contract/api.generated.js';
import { invalid } from '../contract/problem.js';
import { personalTaskFromItem, workspaceTaskFromItem } from './containers.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import type { Item } from './items.js';
import { agendaPk } from './keys.js';
import { type Page, queryInstant, stillMemberOf } from './listings.js';
import type { TableSession } from './session.js';
import { AGENDA_INDEX } from './table.js';

export type AgendaTask = components['schemas']['AgendaTask'];

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ULID = '[0-9A-HJKMNP-TV-Z]{26}';
const AGENDA_SK = new RegExp(`^(${INSTANT.source.slice(1, -1)}|~)#${ULID}$`);
/** A cursor's parts: the first page's time, the range, and the last key read (or none). */
const PARTS = [
  INSTANT,
  /^[01]$/,
  new RegExp(`^$|${AGENDA_SK.source}`),
  /^$|^(USER|WS)#[^\n]{1,200}$/,
];

/** A range of due instants: `lo` inclusive (none: from the earliest), `hi` exclusive. */
interface Range {
  lo?: string;
  hi: string;
}

/** The window and everything overdue at `now`, as one or two ranges. */
function ranges(from: string, to: string, now: string): Range[] {
  if (from <= now) return [{ hi: to > now ? to : now }];
  return [{ hi: now }, { lo: from, hi: to }];
}

const agendaTask = (item: Item): AgendaTask => {
  if ((item.PK as string).startsWith('WS#')) {
    const { assignee: _a, created_by: _c, ...task } = workspaceTaskFromItem(item);
    return task;
  }
  const { user_id: _owner, ...task } = personalTaskFromItem(item);
  return { ...task, workspace_id: null };
};

export async function listAgenda(
  session: TableSession,
  sub: string,
  options: { from: string; to: string; limit: number; cursor?: string },
  now = new Date(),
): Promise<Page<AgendaTask>> {
  const from = queryInstant(options.from, 'from');
  const to = queryInstant(options.to, 'to');
  if (from >= to) {
    throw invalid('the agenda window is empty', [
      { path: '/query/to', message: `"${options.to}" is not after from` },
    ]);
  }
  const list = `agenda\n${from}\n${to}`;
  const [asOf, at, afterSk, afterPk] = options.cursor
    ? decodePositionCursor(options.cursor, sub, list, PARTS)
    : [now.toISOString(), '0', '', ''];
  const all = ranges(from, to, asOf as string);
  const index = Number(at);
  const range = all[index];
  if (!range)
    throw invalid('cursor is not valid for this list', [
      { path: '/query/cursor', message: 'unknown range' },
    ]);
  const pk = agendaPk(sub);
  const out = await session.send((call) =>
    session.db.send(
      new QueryCommand({
        TableName: session.tableName,
        IndexName: AGENDA_INDEX,
        KeyConditionExpression: range.lo
          ? 'GSI3PK = :pk AND GSI3SK BETWEEN :lo AND :hi'
          : 'GSI3PK = :pk AND GSI3SK < :hi',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':hi': range.hi,
          ...(range.lo ? { ':lo': range.lo } : {}),
        },
        ScanIndexForward: true,
        Limit: options.limit,
        ExclusiveStartKey: afterSk
          ? {
              PK: afterPk,
              SK: `TASK#${(afterSk as string).slice((afterSk as string).indexOf('#') + 1)}`,
              GSI3PK: pk,
              GSI3SK: afterSk,
            }
          : undefined,
      }),
      call,
    ),
  );
  const items = out.Items ?? [];
  const workspaces = items
    .filter((item) => (item.PK as string).startsWith('WS#'))
    .map((item) => item.workspace_id as string);
  const visible = await stillMemberOf(session, sub, [...new Set(workspaces)]);
  const tasks = items
    .filter(
      (item) => !(item.PK as string).startsWith('WS#') || visible.has(item.workspace_id as string),
    )
    .map(agendaTask);
  const encode = (position: string[]) => encodePositionCursor(position, sub, list);
  const last = out.LastEvaluatedKey;
  if (last) return { tasks, cursor: encode([asOf as string, at as string, last.GSI3SK, last.PK]) };
  if (index + 1 < all.length)
    return { tasks, cursor: encode([asOf as string, String(index + 1), '', '']) };
  return { tasks };
}
