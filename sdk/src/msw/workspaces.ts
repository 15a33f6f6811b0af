/**
 * The mock's workspaces: the API's repository (src/data/workspaces.ts) over an in-memory table.
 * Who may do what is not restated here: every decision is the API's own policy module
 * (src/workspaces/policy.ts, bundled into the package), asked with the same subject.
 *
 * Each workspace is a partition of rows sorted by the API's sort keys (`INVITE#<email>`,
 * `MEMBER#<sub>`, `TASK#<id>`), and the listings read them as the API's DynamoDB Queries do
 * (docs/architecture.md#workspaces): `Limit` items are read, then filtered, so a page can hold
 * fewer items than `limit` and still have a `next_cursor`.
 */
import { monotonicFactory } from 'ulid';
import type { components } from '../../../src/contract/api.generated.js';
import { canonicalEmail } from '../../../src/contract/email.js';
import type { ProblemSlug } from '../../../src/contract/problems.js';
import {
  decide,
  type Subject,
  type WorkspaceAction,
  type WorkspaceRole,
} from '../../../src/workspaces/policy.js';
import type { FieldError } from '../types.js';
import type { Precondition } from './validate.js';

type Schemas = components['schemas'];
export type Workspace = Schemas['Workspace'];
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type WorkspaceTask = Schemas['WorkspaceTask'];
type WorkspaceCreate = Schemas['WorkspaceCreate'];
type MemberInvite = Schemas['MemberInvite'];
type WorkspaceTaskCreate = Schemas['WorkspaceTaskCreate'];
type WorkspaceTaskUpdate = Schemas['WorkspaceTaskUpdate'];
type TaskStatus = Schemas['TaskStatus'];

/** A refusal with the API's problem type; the handlers answer it as problem+json. */
export class MockProblem extends Error {
  constructor(
    readonly slug: ProblemSlug,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

/** The caller as the API sees them: the `sub`, and the verified `email` claim in lower case. */
export interface Actor {
  sub: string;
  email?: string;
}

interface StoredWorkspace {
  workspace_id: string;
  name: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** The owners counted for the last-owner rule, as the API's `owners` set. */
  owners: Set<string>;
  deleting: boolean;
}

interface StoredMember {
  user_id: string;
  email: string | null;
  role: WorkspaceRole;
  created_at: string;
  updated_at: string;
  version: number;
}

interface StoredInvitation {
  email: string;
  role: WorkspaceRole;
  invited_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

type Row =
  | { kind: 'member'; member: StoredMember }
  | { kind: 'invite'; invitation: StoredInvitation }
  | { kind: 'task'; task: WorkspaceTask };

interface Partition {
  /** Absent once a deletion has swept everything else. */
  meta?: StoredWorkspace;
  /** By sort key. */
  rows: Map<string, Row>;
}

interface Page<T> {
  items: T[];
  cursor?: string;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const MEMBERSHIP_SK = /^(INVITE#|MEMBER#)[^\s]{1,254}$/;
/** The API's read-ahead for a filtered task listing (src/data/workspaces.ts). */
const FILTER_READ_AHEAD = 100;
/** Items one BatchWriteItem deletes (the API's sweep, src/data/workspaceSweep.ts). */
const BATCH_WRITE_MAX = 25;
const DEFAULT_STATUS: TaskStatus = 'pending';

const memberSk = (sub: string) => `MEMBER#${sub}`;
const inviteSk = (email: string) => `INVITE#${email}`;
const taskSk = (taskId: string) => `TASK#${taskId}`;

const random = () => (crypto.getRandomValues(new Uint8Array(1))[0] as number) / 256;
/** Monotonic, as the API's ids: `WS#<id>` and `TASK#<id>` sort in creation order. */
const nextUlid = monotonicFactory(random);

/** The API's one answer for every workspace the caller may not see (no id in it). */
const notFound = (_workspaceId: string) =>
  new MockProblem('not-found', 'no such workspace for this caller');
const stale = (what: string) =>
  new MockProblem('precondition-failed', `${what} has changed since the given ETag`);
const taskNotFound = (taskId: string) => new MockProblem('not-found', `task ${taskId} not found`);
const assigneeNotMember = (assignee: string) =>
  new MockProblem(
    'validation-error',
    `assignee ${assignee} is not an active member of this workspace`,
    [{ path: '/body/assignee', message: 'is not an active member of this workspace' }],
  );
const LAST_OWNER = 'the last owner cannot leave, be removed or be demoted';

const matches = (precondition: Precondition | undefined, version: number) =>
  precondition?.kind !== 'versions' || precondition.versions.includes(version);

// --- cursors, as src/data/cursor.ts's position cursors -----------------------------------

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function unbase64url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const invalidCursor = (reason: string) => {
  const message = `cursor is not valid for this list: ${reason}`;
  return new MockProblem('validation-error', message, [{ path: '/query/cursor', message }]);
};

/** The mock names the caller and the list plainly: its cursors are opaque by contract only. */
const encodeCursor = (position: string[], caller: string, list: string) =>
  base64url(JSON.stringify({ v: 3, p: position, o: caller, l: list }));

function decodeCursor(cursor: string, caller: string, list: string, parts: RegExp[]): string[] {
  let value: unknown;
  try {
    value = JSON.parse(unbase64url(cursor));
  } catch {
    throw invalidCursor('it does not decode');
  }
  const record = value as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || record.v !== 3) {
    throw invalidCursor('unknown shape');
  }
  const position = record.p;
  if (!Array.isArray(position)) throw invalidCursor('unknown shape');
  if (
    position.length !== parts.length ||
    !position.every((p, i) => typeof p === 'string' && (parts[i] as RegExp).test(p))
  ) {
    throw invalidCursor('unknown position');
  }
  if (record.o !== caller) throw invalidCursor('it was issued to another caller');
  if (record.l !== list) throw invalidCursor('it was issued for another list or filter');
  return position as string[];
}

/**
 * A DynamoDB Query: `limit` items after `after` in key order, then `filter`. The last item read
 * is the LastEvaluatedKey whenever `limit` items were read, even if none follow
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html).
 */
function query<T>(
  rows: Array<[string, T]>,
  options: { limit: number; after?: string; descending: boolean; filter?: (row: T) => boolean },
): { items: T[]; lastKey?: string } {
  const { limit, after, descending, filter = () => true } = options;
  const sorted = rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (descending) sorted.reverse();
  const start =
    after === undefined ? sorted : sorted.filter(([k]) => (descending ? k < after : k > after));
  const read = start.slice(0, limit);
  const items = read.map(([, row]) => row).filter(filter);
  const last = read.length === limit ? read.at(-1) : undefined;
  return last ? { items, lastKey: last[0] } : { items };
}

// --- presenting, as src/workspaces/workspace.ts ------------------------------------------

function toWorkspace(w: StoredWorkspace, role: WorkspaceRole): Workspace {
  const { workspace_id, name, created_by, created_at, updated_at, version } = w;
  return { workspace_id, name, role, created_by, created_at, updated_at, version };
}

function toMember(m: StoredMember): Member {
  const { user_id, email, role, created_at, updated_at, version } = m;
  return { user_id, email, role, status: 'active', created_at, updated_at, version };
}

function invitationAsMember(i: StoredInvitation): Member {
  const { email, role, created_at, updated_at, version } = i;
  return { user_id: null, email, role, status: 'pending', created_at, updated_at, version };
}

/** Canonical JSON, so key order never makes "a different request". */
const fingerprint = (value: unknown) => JSON.stringify(value);

interface Access {
  workspace: StoredWorkspace;
  partition: Partition;
  member?: StoredMember;
}

export interface Keyed {
  key: string;
}

export class WorkspaceData {
  readonly #partitions = new Map<string, Partition>();
  /** Keyed creates, per caller, operation and key: what the first create made. */
  readonly #keyed = new Map<string, { fingerprint: string; result: unknown }>();

  // --- access -----------------------------------------------------------------------------

  #read(workspaceId: string, sub: string): Access {
    const partition = this.#partitions.get(workspaceId);
    const meta = partition?.meta;
    if (!partition || !meta || meta.deleting) throw notFound(workspaceId);
    const row = partition.rows.get(memberSk(sub));
    return {
      workspace: meta,
      partition,
      ...(row?.kind === 'member' ? { member: row.member } : {}),
    };
  }

  #authorize(
    access: Access,
    action: WorkspaceAction,
    subject: Subject = {},
    target?: string,
  ): WorkspaceRole {
    const { workspace_id } = access.workspace;
    const decision = decide(access.member?.role, action, subject);
    if (decision.allowed) return (access.member as StoredMember).role;
    if (decision.outcome === 'not-found') {
      if (access.member === undefined || target === undefined) throw notFound(workspace_id);
      throw new MockProblem('not-found', `${target} not found in workspace ${workspace_id}`);
    }
    throw new MockProblem(decision.outcome, `${decision.reason} (workspace ${workspace_id})`);
  }

  #member(partition: Partition, sub: string): StoredMember | undefined {
    const row = partition.rows.get(memberSk(sub));
    return row?.kind === 'member' ? row.member : undefined;
  }

  #keyedCreate<T>(
    sub: string,
    operation: string,
    idempotency: Keyed | undefined,
    print: string,
    make: () => T,
  ): T {
    if (!idempotency) return make();
    const id = `${sub}\n${operation}\n${idempotency.key}`;
    const seen = this.#keyed.get(id);
    if (seen && seen.fingerprint !== print) {
      throw new MockProblem(
        'idempotency-key-reused',
        'this Idempotency-Key was used with a different request body',
      );
    }
    // Done once made: a replay returns what was made, and never brings a deleted item back.
    if (seen) return seen.result as T;
    const result = make();
    this.#keyed.set(id, { fingerprint: print, result });
    return result;
  }

  // --- workspaces -------------------------------------------------------------------------

  create(actor: Actor, input: WorkspaceCreate, idempotency?: Keyed): Workspace {
    const made = this.#keyedCreate(
      actor.sub,
      'createWorkspace',
      idempotency,
      fingerprint(['workspace', input.name]),
      () => {
        const at = new Date().toISOString();
        const workspace: StoredWorkspace = {
          workspace_id: nextUlid(),
          name: input.name,
          created_by: actor.sub,
          created_at: at,
          updated_at: at,
          version: 1,
          owners: new Set([actor.sub]),
          deleting: false,
        };
        const owner: StoredMember = {
          user_id: actor.sub,
          email: actor.email ?? null,
          role: 'owner',
          created_at: at,
          updated_at: at,
          version: 1,
        };
        const rows = new Map<string, Row>([
          [memberSk(actor.sub), { kind: 'member', member: owner }],
        ]);
        this.#partitions.set(workspace.workspace_id, { meta: workspace, rows });
        return toWorkspace(workspace, 'owner');
      },
    );
    return made;
  }

  /** The caller's memberships (GSI1, newest workspace first), without hidden workspaces. */
  list(actor: Actor, options: { limit: number; cursor?: string }): Page<Workspace> {
    const listName = 'workspaces';
    const after = options.cursor
      ? decodeCursor(options.cursor, actor.sub, listName, [ULID])[0]
      : undefined;
    const rows: Array<[string, [Partition, StoredMember]]> = [];
    for (const [id, partition] of this.#partitions) {
      const member = this.#member(partition, actor.sub);
      if (member) rows.push([id, [partition, member]]);
    }
    const page = query(rows, { limit: options.limit, after, descending: true });
    const items = page.items.flatMap(([partition, member]) =>
      partition.meta && !partition.meta.deleting ? [toWorkspace(partition.meta, member.role)] : [],
    );
    return page.lastKey === undefined
      ? { items }
      : { items, cursor: encodeCursor([page.lastKey], actor.sub, listName) };
  }

  get(actor: Actor, workspaceId: string): Workspace {
    const access = this.#read(workspaceId, actor.sub);
    return toWorkspace(access.workspace, this.#authorize(access, 'getWorkspace'));
  }

  rename(actor: Actor, workspaceId: string, name: string, precondition?: Precondition): Workspace {
    const access = this.#read(workspaceId, actor.sub);
    const role = this.#authorize(access, 'renameWorkspace');
    const w = access.workspace;
    if (!matches(precondition, w.version)) throw stale(`workspace ${workspaceId}`);
    w.name = name;
    w.updated_at = new Date().toISOString();
    w.version += 1;
    return toWorkspace(w, role);
  }

  /**
   * Hides the workspace, then deletes its rows 25 at a time, as the API's sweep: 'pending' when
   * `maxBatches` rounds (one more than the batches of rows) did not reach the end.
   */
  delete(actor: Actor, workspaceId: string, maxBatches: number): 'done' | 'pending' {
    const partition = this.#partitions.get(workspaceId);
    const meta = partition?.meta;
    if (!partition || !meta) throw notFound(workspaceId);
    if (meta.deleting) {
      if (!meta.owners.has(actor.sub)) throw notFound(workspaceId);
    } else {
      const member = this.#member(partition, actor.sub);
      this.#authorize(
        { workspace: meta, partition, ...(member ? { member } : {}) },
        'deleteWorkspace',
      );
      meta.deleting = true;
      meta.owners.add(actor.sub);
    }
    for (let batches = 0; ; batches++) {
      if (batches >= maxBatches) return 'pending';
      const keys = [...partition.rows.keys()].sort().slice(0, BATCH_WRITE_MAX);
      if (keys.length === 0) break;
      for (const key of keys) partition.rows.delete(key);
    }
    this.#partitions.delete(workspaceId);
    return 'done';
  }

  // --- members ----------------------------------------------------------------------------

  invite(actor: Actor, workspaceId: string, input: MemberInvite): Member {
    const at = new Date().toISOString();
    const invitation: StoredInvitation = {
      email: canonicalEmail(input.email),
      role: input.role ?? 'member',
      invited_by: actor.sub,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'inviteMember', { newRole: invitation.role });
    if (invitation.email === actor.email) {
      throw new MockProblem(
        'conflict',
        `${invitation.email} is already a member of workspace ${workspaceId}`,
      );
    }
    const sk = inviteSk(invitation.email);
    if (access.partition.rows.has(sk)) {
      throw new MockProblem(
        'conflict',
        `${invitation.email} is already invited to workspace ${workspaceId}`,
      );
    }
    access.partition.rows.set(sk, { kind: 'invite', invitation });
    return invitationAsMember(invitation);
  }

  /** Invitations, then members, in sort-key order (e-mail, then `sub`). */
  listMembers(
    actor: Actor,
    workspaceId: string,
    options: { limit: number; cursor?: string },
  ): Page<Member> {
    const listName = `members\n${workspaceId}`;
    const after = options.cursor
      ? decodeCursor(options.cursor, actor.sub, listName, [MEMBERSHIP_SK])[0]
      : undefined;
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'listMembers');
    const rows = [...access.partition.rows].filter(([, row]) => row.kind !== 'task');
    const page = query(rows, { limit: options.limit, after, descending: false });
    const items = page.items.map((row) =>
      row.kind === 'invite'
        ? invitationAsMember(row.invitation)
        : toMember((row as { member: StoredMember }).member),
    );
    return page.lastKey === undefined
      ? { items }
      : { items, cursor: encodeCursor([page.lastKey], actor.sub, listName) };
  }

  #otherOwners(access: Access, sub: string): number {
    return [...access.workspace.owners].filter((o) => o !== sub).length;
  }

  updateMember(
    actor: Actor,
    workspaceId: string,
    userId: string,
    role: WorkspaceRole,
    precondition?: Precondition,
  ): Member {
    const access = this.#read(workspaceId, actor.sub);
    const target = this.#member(access.partition, userId);
    this.#authorize(
      access,
      'updateMember',
      {
        targetRole: target?.role ?? null,
        newRole: role,
        self: userId === actor.sub,
        otherOwners: this.#otherOwners(access, userId),
      },
      `member ${userId}`,
    );
    const current = target as StoredMember;
    if (!matches(precondition, current.version)) throw stale(`member ${userId}`);
    if (current.role === 'owner' && role !== 'owner') this.#dropOwner(access.workspace, userId);
    if (role === 'owner' && current.role !== 'owner') access.workspace.owners.add(userId);
    current.role = role;
    current.updated_at = new Date().toISOString();
    current.version += 1;
    return toMember(current);
  }

  removeMember(actor: Actor, workspaceId: string, userId: string): void {
    const access = this.#read(workspaceId, actor.sub);
    const target = this.#member(access.partition, userId);
    this.#authorize(
      access,
      'removeMember',
      {
        targetRole: target?.role ?? null,
        self: userId === actor.sub,
        otherOwners: this.#otherOwners(access, userId),
      },
      `member ${userId}`,
    );
    this.#dropMember(access, target as StoredMember);
  }

  leave(actor: Actor, workspaceId: string): void {
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'leaveWorkspace', {
      self: true,
      otherOwners: this.#otherOwners(access, actor.sub),
    });
    this.#dropMember(access, access.member as StoredMember);
  }

  /** The membership goes; the member's tasks (and their assignments) stay. */
  #dropMember(access: Access, member: StoredMember): void {
    if (member.role === 'owner') this.#dropOwner(access.workspace, member.user_id);
    access.partition.rows.delete(memberSk(member.user_id));
  }

  /** The API's conditional `DELETE owners`: never leaves the set empty. */
  #dropOwner(workspace: StoredWorkspace, sub: string): void {
    if (!workspace.owners.has(sub)) return;
    if (workspace.owners.size <= 1) {
      throw new MockProblem('conflict', `${LAST_OWNER} (workspace ${workspace.workspace_id})`);
    }
    workspace.owners.delete(sub);
  }

  revokeInvitation(actor: Actor, workspaceId: string, email: string): void {
    const access = this.#read(workspaceId, actor.sub);
    const row = access.partition.rows.get(inviteSk(email));
    this.#authorize(
      access,
      'revokeInvitation',
      { targetRole: row?.kind === 'invite' ? row.invitation.role : null },
      `invitation for ${email}`,
    );
    access.partition.rows.delete(inviteSk(email));
  }

  // --- the caller's own invitations -------------------------------------------------------

  listInvitations(actor: Actor, options: { limit: number; cursor?: string }): Page<Invitation> {
    const email = actor.email;
    const listName = `invitations\n${email ?? ''}`;
    const after = options.cursor
      ? decodeCursor(options.cursor, actor.sub, listName, [ULID])[0]
      : undefined;
    if (email === undefined) return { items: [] };
    const rows: Array<[string, [Partition, StoredInvitation]]> = [];
    for (const [id, partition] of this.#partitions) {
      const row = partition.rows.get(inviteSk(email));
      if (row?.kind === 'invite') rows.push([id, [partition, row.invitation]]);
    }
    const page = query(rows, { limit: options.limit, after, descending: true });
    const items = page.items.flatMap(([partition, invitation]) => {
      const meta = partition.meta;
      if (!meta || meta.deleting) return [];
      return [
        {
          workspace_id: meta.workspace_id,
          workspace_name: meta.name,
          role: invitation.role,
          invited_by: invitation.invited_by,
          created_at: invitation.created_at,
        },
      ];
    });
    return page.lastKey === undefined
      ? { items }
      : { items, cursor: encodeCursor([page.lastKey], actor.sub, listName) };
  }

  /** The API's answer: the same as for a workspace that does not exist. */
  #noInvitation(_actor: Actor, workspaceId: string) {
    return notFound(workspaceId);
  }

  accept(actor: Actor, workspaceId: string): Workspace {
    const email = actor.email;
    if (email === undefined) throw this.#noInvitation(actor, workspaceId);
    const access = this.#read(workspaceId, actor.sub);
    const row = access.partition.rows.get(inviteSk(email));
    if (row?.kind !== 'invite') throw this.#noInvitation(actor, workspaceId);
    let role = access.member?.role;
    if (role === undefined) {
      const at = new Date().toISOString();
      const { invitation } = row;
      access.partition.rows.set(memberSk(actor.sub), {
        kind: 'member',
        member: {
          user_id: actor.sub,
          email: invitation.email,
          role: invitation.role,
          created_at: at,
          updated_at: at,
          version: 1,
        },
      });
      role = invitation.role;
      if (role === 'owner') access.workspace.owners.add(actor.sub);
    }
    access.partition.rows.delete(inviteSk(email));
    return toWorkspace(access.workspace, role);
  }

  /** As the API: deletes the invitation wherever it is, hidden workspace or not. */
  decline(actor: Actor, workspaceId: string): void {
    const email = actor.email;
    const rows = this.#partitions.get(workspaceId)?.rows;
    if (email === undefined || rows?.get(inviteSk(email))?.kind !== 'invite') {
      throw this.#noInvitation(actor, workspaceId);
    }
    rows.delete(inviteSk(email));
  }

  // --- tasks ------------------------------------------------------------------------------

  createTask(
    actor: Actor,
    workspaceId: string,
    input: WorkspaceTaskCreate,
    idempotency?: Keyed,
  ): WorkspaceTask {
    const assignee = input.assignee ?? undefined;
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'createWorkspaceTask');
    if (assignee && !this.#member(access.partition, assignee)) throw assigneeNotMember(assignee);
    const print = fingerprint([
      'workspace-task',
      input.title,
      input.description ?? '',
      input.status ?? DEFAULT_STATUS,
      input.assignee ?? null,
    ]);
    return this.#keyedCreate(
      actor.sub,
      `createWorkspaceTask\n${workspaceId}`,
      idempotency,
      print,
      () => {
        const at = new Date().toISOString();
        const task: WorkspaceTask = {
          workspace_id: workspaceId,
          task_id: nextUlid(),
          title: input.title,
          description: input.description ?? '',
          status: input.status ?? DEFAULT_STATUS,
          assignee: input.assignee ?? null,
          created_by: actor.sub,
          created_at: at,
          updated_at: at,
          version: 1,
        };
        access.partition.rows.set(taskSk(task.task_id), { kind: 'task', task });
        return { ...task };
      },
    );
  }

  #task(partition: Partition, taskId: string): WorkspaceTask | undefined {
    const row = partition.rows.get(taskSk(taskId));
    return row?.kind === 'task' ? row.task : undefined;
  }

  getTask(actor: Actor, workspaceId: string, taskId: string): WorkspaceTask {
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'getWorkspaceTask');
    const task = this.#task(access.partition, taskId);
    if (!task) throw taskNotFound(taskId);
    return { ...task };
  }

  /** The API's conditional write: a 404 unless an If-Match was given and the task exists (412). */
  #conditional(access: Access, taskId: string, precondition?: Precondition): WorkspaceTask {
    const task = this.#task(access.partition, taskId);
    if (task && matches(precondition, task.version)) return task;
    if (task && precondition?.kind === 'versions') {
      throw new MockProblem(
        'precondition-failed',
        `task ${taskId} has changed since the given ETag`,
      );
    }
    throw taskNotFound(taskId);
  }

  updateTask(
    actor: Actor,
    workspaceId: string,
    taskId: string,
    changes: WorkspaceTaskUpdate,
    precondition?: Precondition,
  ): WorkspaceTask {
    const { assignee } = changes;
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'updateWorkspaceTask');
    if (typeof assignee === 'string' && !this.#member(access.partition, assignee)) {
      throw assigneeNotMember(assignee);
    }
    const task = this.#conditional(access, taskId, precondition);
    for (const field of ['title', 'description', 'status'] as const) {
      const value = changes[field];
      if (value !== undefined) (task as Record<string, unknown>)[field] = value;
    }
    if (assignee !== undefined) task.assignee = assignee;
    task.updated_at = new Date().toISOString();
    task.version += 1;
    return { ...task };
  }

  deleteTask(actor: Actor, workspaceId: string, taskId: string, precondition?: Precondition): void {
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'deleteWorkspaceTask');
    this.#conditional(access, taskId, precondition);
    access.partition.rows.delete(taskSk(taskId));
  }

  /** Newest first; with a filter, a read-ahead of the partition filtered, as the API. */
  listTasks(
    actor: Actor,
    workspaceId: string,
    options: { limit: number; status?: TaskStatus; assignee?: string; cursor?: string },
  ): Page<WorkspaceTask> {
    const { limit, status, assignee, cursor } = options;
    const listName = `tasks\n${workspaceId}\n${status ?? ''}\n${assignee ?? ''}`;
    const after = cursor ? decodeCursor(cursor, actor.sub, listName, [ULID])[0] : undefined;
    const access = this.#read(workspaceId, actor.sub);
    this.#authorize(access, 'listWorkspaceTasks');
    const rows = [...access.partition.rows].flatMap(
      ([sk, row]): Array<[string, WorkspaceTask]> => (row.kind === 'task' ? [[sk, row.task]] : []),
    );
    const filtered = Boolean(status) || Boolean(assignee);
    const page = query(rows, {
      limit: filtered ? Math.max(limit, FILTER_READ_AHEAD) : limit,
      ...(after === undefined ? {} : { after: taskSk(after) }),
      descending: true,
      filter: (t) => (!status || t.status === status) && (!assignee || t.assignee === assignee),
    });
    const items = page.items.slice(0, limit).map((t) => ({ ...t }));
    const last = items.at(-1);
    const encode = (taskId: string) => encodeCursor([taskId], actor.sub, listName);
    if (page.items.length > limit && last) return { items, cursor: encode(last.task_id) };
    if (page.lastKey !== undefined) return { items, cursor: encode(page.lastKey.slice(5)) };
    return { items };
  }

  /** GSI1 of the caller's assigned tasks, newest first, without workspaces they are not in. */
  listAssigned(actor: Actor, options: { limit: number; cursor?: string }): Page<WorkspaceTask> {
    const listName = 'assigned-tasks';
    const after = options.cursor
      ? decodeCursor(options.cursor, actor.sub, listName, [ULID, ULID])
      : undefined;
    const rows: Array<[string, [Partition, WorkspaceTask]]> = [];
    for (const partition of this.#partitions.values()) {
      for (const row of partition.rows.values()) {
        if (row.kind === 'task' && row.task.assignee === actor.sub) {
          rows.push([taskSk(row.task.task_id), [partition, row.task]]);
        }
      }
    }
    const page = query(rows, {
      limit: options.limit,
      ...(after === undefined ? {} : { after: taskSk(after[1] as string) }),
      descending: true,
      filter: ([partition]) =>
        partition.meta !== undefined &&
        !partition.meta.deleting &&
        this.#member(partition, actor.sub) !== undefined,
    });
    const items = page.items.map(([, task]) => ({ ...task }));
    const lastTask =
      page.lastKey === undefined ? undefined : rows.find(([k]) => k === page.lastKey);
    if (lastTask) {
      const [, [, task]] = lastTask;
      const position = [task.workspace_id, task.task_id];
      return { items, cursor: encodeCursor(position, actor.sub, listName) };
    }
    return { items };
  }
}
