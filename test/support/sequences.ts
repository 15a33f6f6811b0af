/**
 * Request sequences through the operations' success and failure paths, each answer reduced to
 * what a client may rely on (statuses, problem types, bodies up to ids, times and cursors): the
 * deploy rehearsal drives them (test/support/rehearsal.ts).
 */
import { problemSlugOf } from '../../src/contract/problems.js';

/** Who sends a step: a user of this sequence, a token nobody issued, or no token at all. */
export type Role = 'alice' | 'bob' | 'carol' | 'admin' | 'stranger' | 'anonymous';

/** The users with a verified e-mail address (workspace invitations go to it). */
export const PEOPLE = ['alice', 'bob', 'carol'] as const;
export type Person = (typeof PEOPLE)[number];

/** Who the people of one run are. */
export type People = Partial<Record<Person, { sub: string; email: string }>>;

export interface Step {
  as: Role;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /**
   * Placeholders, in the path and in the body: `{n}` is the `task_id` in step n's answer
   * (0-based), `{ws:n}` its `workspace_id`; `{sub:alice}` and `{email:alice}` a person's.
   */
  path: string;
  headers?: Record<string, string>;
  /** A JSON body (sent as application/json), or the exact bytes and content type. */
  body?: unknown;
  raw?: { text: string; contentType?: string };
}

export interface Sequence {
  name: string;
  steps: Step[];
}

const TITLE = { title: 'Ship feature X' };
const MISSING = '01JD7Z8Q3X5M2N4P6R8T0V2W4Y';
const key = (k: string) => ({ 'Idempotency-Key': k });

export const SEQUENCES: Sequence[] = [
  {
    name: "same Idempotency-Key with {title} then {title, status: 'pending'} (a replay)",
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-1'), body: TITLE },
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        headers: key('k-1'),
        body: { ...TITLE, status: 'pending', description: '' },
      },
      { as: 'alice', method: 'GET', path: '/tasks' },
    ],
  },
  {
    name: 'same Idempotency-Key with another title (422)',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-2'), body: TITLE },
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-2'), body: { title: 'b' } },
    ],
  },
  {
    name: 'POST with no body (400)',
    steps: [{ as: 'alice', method: 'POST', path: '/tasks' }],
  },
  {
    name: 'POST with an empty JSON body',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        raw: { text: '', contentType: 'application/json' },
      },
    ],
  },
  {
    name: 'POST with text/plain (415)',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        raw: { text: 'hi', contentType: 'text/plain' },
      },
    ],
  },
  {
    name: 'POST with broken JSON (400)',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        raw: { text: '{"title":', contentType: 'application/json' },
      },
    ],
  },
  {
    name: 'POST breaking the schema in several ways (400 with field errors)',
    steps: [
      {
        as: 'alice',
        method: 'POST',
        path: '/tasks',
        body: { title: '', status: 'done', owner: 'x' },
      },
    ],
  },
  {
    name: 'POST with a bad Idempotency-Key and a bad body (the header is reported)',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', headers: key('"'), body: { title: '' } },
    ],
  },
  {
    name: 'create, read, update with If-Match, stale If-Match, delete, read again',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', body: { ...TITLE, description: 'd' } },
      { as: 'alice', method: 'GET', path: '/tasks/{0}' },
      {
        as: 'alice',
        method: 'PATCH',
        path: '/tasks/{0}',
        headers: { 'If-Match': '"1"' },
        body: { status: 'in_progress' },
      },
      {
        as: 'alice',
        method: 'PATCH',
        path: '/tasks/{0}',
        headers: { 'If-Match': '"1"' },
        body: { status: 'completed' },
      },
      { as: 'alice', method: 'DELETE', path: '/tasks/{0}', headers: { 'If-Match': '"1"' } },
      { as: 'alice', method: 'DELETE', path: '/tasks/{0}', headers: { 'If-Match': '*' } },
      { as: 'alice', method: 'GET', path: '/tasks/{0}' },
    ],
  },
  {
    name: "another user's task is a 404 for every operation",
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', body: TITLE },
      { as: 'bob', method: 'GET', path: '/tasks/{0}' },
      { as: 'bob', method: 'PATCH', path: '/tasks/{0}', body: { title: 'mine' } },
      { as: 'bob', method: 'DELETE', path: '/tasks/{0}' },
      { as: 'bob', method: 'GET', path: '/tasks' },
      { as: 'alice', method: 'GET', path: '/tasks/{0}' },
    ],
  },
  {
    name: 'listing: newest first, pages, a status filter',
    steps: [
      { as: 'alice', method: 'POST', path: '/tasks', body: { title: 'one' } },
      { as: 'alice', method: 'POST', path: '/tasks', body: { title: 'two', status: 'completed' } },
      { as: 'alice', method: 'POST', path: '/tasks', body: { title: 'three' } },
      { as: 'alice', method: 'GET', path: '/tasks?limit=2' },
      { as: 'alice', method: 'GET', path: '/tasks?status=pending' },
      { as: 'alice', method: 'GET', path: '/tasks?status=in_progress' },
    ],
  },
  {
    name: 'bad query, path and header values (400)',
    steps: [
      { as: 'alice', method: 'GET', path: '/tasks?limit=0' },
      { as: 'alice', method: 'GET', path: '/tasks?limit=101&status=done' },
      { as: 'alice', method: 'GET', path: '/tasks?cursor=not-a-cursor' },
      { as: 'alice', method: 'GET', path: '/tasks/not-an-id' },
      { as: 'alice', method: 'PATCH', path: `/tasks/${MISSING}`, body: {} },
      { as: 'alice', method: 'DELETE', path: `/tasks/${MISSING}`, headers: { 'If-Match': 'W/' } },
    ],
  },
  {
    name: 'a missing task (404)',
    steps: [
      { as: 'alice', method: 'GET', path: `/tasks/${MISSING}` },
      { as: 'alice', method: 'PATCH', path: `/tasks/${MISSING}`, body: { title: 'x' } },
      { as: 'alice', method: 'DELETE', path: `/tasks/${MISSING}` },
    ],
  },
  {
    name: 'no token, or one nobody issued (401)',
    steps: [
      { as: 'anonymous', method: 'GET', path: '/tasks' },
      { as: 'stranger', method: 'POST', path: '/tasks', body: TITLE },
      { as: 'anonymous', method: 'GET', path: '/admin/tasks?status=pending' },
    ],
  },
  {
    name: 'the admin listing: 403 for others, 400 without a status',
    steps: [
      { as: 'alice', method: 'GET', path: '/admin/tasks?status=pending' },
      { as: 'admin', method: 'GET', path: '/admin/tasks' },
      { as: 'admin', method: 'GET', path: '/admin/tasks?status=pending&limit=0' },
    ],
  },
  ...workspaceSequences(),
];

/** A workspace of alice's, with bob invited as `bob` and carol as `carol` (roles), accepted. */
function team(roles: { bob?: 'owner' | 'admin' | 'member'; carol?: 'owner' | 'admin' | 'member' }) {
  const steps: Step[] = [
    { as: 'alice', method: 'POST', path: '/workspaces', body: { name: 'Team' } },
  ];
  for (const person of ['bob', 'carol'] as const) {
    const role = roles[person];
    if (!role) continue;
    steps.push(
      {
        as: 'alice',
        method: 'POST',
        path: '/workspaces/{ws:0}/members',
        body: { email: `{email:${person}}`, role },
      },
      { as: person, method: 'POST', path: '/me/invitations/{ws:0}' },
    );
  }
  return steps;
}

function workspaceSequences(): Sequence[] {
  const WS = '/workspaces/{ws:0}';
  return [
    {
      name: 'a workspace: create, list, get, rename with If-Match, a stale one, delete, gone',
      steps: [
        { as: 'alice', method: 'POST', path: '/workspaces', body: { name: 'Team' } },
        { as: 'alice', method: 'GET', path: '/workspaces' },
        { as: 'alice', method: 'GET', path: WS },
        {
          as: 'alice',
          method: 'PATCH',
          path: WS,
          headers: { 'If-Match': '"1"' },
          body: { name: 'Team 2' },
        },
        {
          as: 'alice',
          method: 'PATCH',
          path: WS,
          headers: { 'If-Match': '"1"' },
          body: { name: 'x' },
        },
        {
          as: 'alice',
          method: 'PATCH',
          path: WS,
          headers: { 'If-Match': 'W/"2"' },
          body: { name: 'x' },
        },
        {
          as: 'alice',
          method: 'PATCH',
          path: WS,
          headers: { 'If-Match': '*' },
          body: { name: ' ' },
        },
        { as: 'alice', method: 'POST', path: '/workspaces', body: { name: 'Other', extra: 1 } },
        { as: 'alice', method: 'POST', path: '/workspaces', body: { name: 'Second' } },
        { as: 'alice', method: 'GET', path: '/workspaces?limit=1' },
        { as: 'alice', method: 'DELETE', path: WS },
        { as: 'alice', method: 'GET', path: WS },
        { as: 'alice', method: 'DELETE', path: WS },
        { as: 'alice', method: 'GET', path: '/workspaces' },
        { as: 'alice', method: 'GET', path: '/workspaces?cursor=bm90LWEtY3Vyc29y' },
        { as: 'alice', method: 'GET', path: '/workspaces/not-an-id' },
        { as: 'alice', method: 'GET', path: `/workspaces/${MISSING}` },
        { as: 'anonymous', method: 'GET', path: '/workspaces' },
        { as: 'stranger', method: 'POST', path: '/workspaces', body: { name: 'x' } },
      ],
    },
    {
      name: 'invite by e-mail; only the invited user accepts',
      steps: [
        { as: 'alice', method: 'POST', path: '/workspaces', body: { name: 'Team' } },
        { as: 'alice', method: 'POST', path: `${WS}/members`, body: { email: '{email:bob}' } },
        { as: 'alice', method: 'POST', path: `${WS}/members`, body: { email: '{email:bob}' } },
        { as: 'alice', method: 'POST', path: `${WS}/members`, body: { email: '{email:alice}' } },
        { as: 'alice', method: 'POST', path: `${WS}/members`, body: { email: 'no-at-sign' } },
        { as: 'bob', method: 'GET', path: '/me/invitations' },
        { as: 'carol', method: 'POST', path: '/me/invitations/{ws:0}' },
        { as: 'bob', method: 'GET', path: WS },
        { as: 'bob', method: 'POST', path: '/me/invitations/{ws:0}' },
        { as: 'bob', method: 'GET', path: '/workspaces' },
        { as: 'alice', method: 'GET', path: `${WS}/members` },
        { as: 'bob', method: 'GET', path: '/me/invitations' },
        { as: 'bob', method: 'POST', path: '/me/invitations/{ws:0}' },
        { as: 'bob', method: 'GET', path: `/me/invitations?limit=0` },
      ],
    },
    {
      name: 'invitations declined and revoked; members listed in pages',
      steps: [
        { as: 'alice', method: 'POST', path: '/workspaces', body: { name: 'Team' } },
        { as: 'alice', method: 'POST', path: `${WS}/members`, body: { email: '{email:bob}' } },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/members`,
          body: { email: '{email:carol}', role: 'admin' },
        },
        { as: 'alice', method: 'GET', path: `${WS}/members` },
        { as: 'alice', method: 'GET', path: `${WS}/members?limit=2` },
        { as: 'bob', method: 'DELETE', path: '/me/invitations/{ws:0}' },
        { as: 'bob', method: 'DELETE', path: '/me/invitations/{ws:0}' },
        { as: 'alice', method: 'DELETE', path: `${WS}/invitations/{email:carol}` },
        { as: 'alice', method: 'DELETE', path: `${WS}/invitations/{email:carol}` },
        { as: 'carol', method: 'POST', path: '/me/invitations/{ws:0}' },
        { as: 'carol', method: 'GET', path: '/me/invitations' },
        { as: 'alice', method: 'GET', path: `${WS}/members` },
      ],
    },
    {
      name: 'roles: a member may not invite, an admin may; owners change roles; the last owner stays',
      steps: [
        ...team({ bob: 'admin', carol: 'member' }),
        { as: 'carol', method: 'POST', path: `${WS}/members`, body: { email: 'dave@example.com' } },
        { as: 'carol', method: 'PATCH', path: WS, body: { name: 'Renamed by a member' } },
        { as: 'bob', method: 'POST', path: `${WS}/members`, body: { email: 'dave@example.com' } },
        {
          as: 'bob',
          method: 'POST',
          path: `${WS}/members`,
          body: { email: 'erin@example.com', role: 'owner' },
        },
        { as: 'bob', method: 'PATCH', path: `${WS}/members/{sub:carol}`, body: { role: 'admin' } },
        {
          as: 'alice',
          method: 'PATCH',
          path: `${WS}/members/{sub:carol}`,
          headers: { 'If-Match': '"1"' },
          body: { role: 'admin' },
        },
        {
          as: 'alice',
          method: 'PATCH',
          path: `${WS}/members/{sub:carol}`,
          headers: { 'If-Match': '"1"' },
          body: { role: 'member' },
        },
        {
          as: 'alice',
          method: 'PATCH',
          path: `${WS}/members/{sub:alice}`,
          body: { role: 'member' },
        },
        { as: 'alice', method: 'POST', path: `${WS}/leave` },
        { as: 'alice', method: 'DELETE', path: `${WS}/members/{sub:alice}` },
        { as: 'bob', method: 'DELETE', path: `${WS}/members/{sub:alice}` },
        { as: 'bob', method: 'PATCH', path: WS, body: { name: 'Renamed by an admin' } },
        { as: 'carol', method: 'PATCH', path: WS, body: { name: 'Renamed by a new admin' } },
        { as: 'carol', method: 'DELETE', path: WS },
        { as: 'bob', method: 'DELETE', path: WS },
        { as: 'alice', method: 'PATCH', path: `${WS}/members/{sub:bob}`, body: { role: 'owner' } },
        { as: 'alice', method: 'POST', path: `${WS}/leave` },
        { as: 'bob', method: 'GET', path: `${WS}/members` },
        { as: 'bob', method: 'PATCH', path: `${WS}/members/{sub:bob}`, body: { role: 'member' } },
        { as: 'bob', method: 'DELETE', path: `${WS}/members/{sub:alice}` },
        { as: 'carol', method: 'DELETE', path: `${WS}/members/{sub:carol}` },
        { as: 'carol', method: 'GET', path: WS },
        { as: 'alice', method: 'GET', path: WS },
        { as: 'bob', method: 'GET', path: '/workspaces' },
      ],
    },
    {
      name: 'workspace tasks: CRUD, If-Match, the assignee a member or refused, filters',
      steps: [
        ...team({ bob: 'member' }),
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          body: { title: 'one', assignee: '{sub:bob}' },
        },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          body: { title: 'two', status: 'completed' },
        },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          body: { title: 'three', assignee: '{sub:carol}' },
        },
        { as: 'bob', method: 'GET', path: `${WS}/tasks/{3}` },
        {
          as: 'bob',
          method: 'PATCH',
          path: `${WS}/tasks/{3}`,
          headers: { 'If-Match': '"1"' },
          body: { status: 'in_progress', assignee: '{sub:alice}' },
        },
        {
          as: 'bob',
          method: 'PATCH',
          path: `${WS}/tasks/{3}`,
          headers: { 'If-Match': '"1"' },
          body: { title: 'stale' },
        },
        {
          as: 'alice',
          method: 'PATCH',
          path: `${WS}/tasks/{4}`,
          body: { assignee: '{sub:carol}' },
        },
        { as: 'alice', method: 'PATCH', path: `${WS}/tasks/{4}`, body: { assignee: 'not a sub' } },
        { as: 'alice', method: 'GET', path: `${WS}/tasks` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks?status=completed` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks?assignee={sub:alice}` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks?assignee={sub:bob}&status=pending` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks?limit=1` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks?limit=2` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks?status=done` },
        { as: 'bob', method: 'DELETE', path: `${WS}/tasks/{4}`, headers: { 'If-Match': 'W/"1"' } },
        { as: 'bob', method: 'DELETE', path: `${WS}/tasks/{4}`, headers: { 'If-Match': '"1"' } },
        { as: 'bob', method: 'GET', path: `${WS}/tasks/{4}` },
        { as: 'bob', method: 'DELETE', path: `${WS}/tasks/{4}`, headers: { 'If-Match': '*' } },
        { as: 'bob', method: 'PATCH', path: `${WS}/tasks/{4}`, body: { title: 'gone' } },
        { as: 'alice', method: 'PATCH', path: `${WS}/tasks/{3}`, body: { assignee: null } },
        { as: 'alice', method: 'GET', path: `${WS}/tasks/${MISSING}` },
      ],
    },
    {
      name: 'tasks assigned to me across workspaces; a removed member is shut out (404)',
      steps: [
        ...team({ bob: 'member' }),
        { as: 'bob', method: 'POST', path: '/workspaces', body: { name: "Bob's" } },
        {
          as: 'bob',
          method: 'POST',
          path: '/workspaces/{ws:3}/tasks',
          body: { title: 'b1', assignee: '{sub:bob}' },
        },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          body: { title: 'a1', assignee: '{sub:bob}' },
        },
        { as: 'alice', method: 'POST', path: `${WS}/tasks`, body: { title: 'a2' } },
        { as: 'bob', method: 'GET', path: '/me/assigned-tasks' },
        { as: 'bob', method: 'GET', path: '/me/assigned-tasks?limit=1' },
        { as: 'alice', method: 'GET', path: '/me/assigned-tasks' },
        { as: 'alice', method: 'DELETE', path: `${WS}/members/{sub:bob}` },
        { as: 'bob', method: 'GET', path: '/me/assigned-tasks' },
        { as: 'bob', method: 'GET', path: WS },
        { as: 'bob', method: 'GET', path: `${WS}/tasks` },
        { as: 'bob', method: 'GET', path: `${WS}/tasks/{5}` },
        { as: 'bob', method: 'PATCH', path: `${WS}/tasks/{5}`, body: { title: 'x' } },
        { as: 'bob', method: 'DELETE', path: `${WS}/tasks/{5}` },
        { as: 'bob', method: 'POST', path: `${WS}/tasks`, body: { title: 'x' } },
        { as: 'bob', method: 'POST', path: `${WS}/leave` },
        { as: 'bob', method: 'POST', path: '/me/invitations/{ws:0}' },
        { as: 'alice', method: 'GET', path: `${WS}/tasks/{5}` },
        { as: 'alice', method: 'DELETE', path: `${WS}/members/{sub:bob}` },
        { as: 'bob', method: 'GET', path: '/workspaces' },
      ],
    },
    {
      name: "a non-member gets 404 for every operation on another's workspace",
      steps: [
        ...team({ bob: 'member' }),
        { as: 'alice', method: 'POST', path: `${WS}/tasks`, body: { title: 't' } },
        { as: 'carol', method: 'GET', path: WS },
        { as: 'carol', method: 'PATCH', path: WS, body: { name: 'mine' } },
        { as: 'carol', method: 'DELETE', path: WS },
        { as: 'carol', method: 'POST', path: `${WS}/members`, body: { email: 'x@example.com' } },
        { as: 'carol', method: 'GET', path: `${WS}/members` },
        { as: 'carol', method: 'PATCH', path: `${WS}/members/{sub:bob}`, body: { role: 'admin' } },
        { as: 'carol', method: 'DELETE', path: `${WS}/members/{sub:bob}` },
        { as: 'carol', method: 'DELETE', path: `${WS}/invitations/x@example.com` },
        { as: 'carol', method: 'POST', path: `${WS}/leave` },
        { as: 'carol', method: 'POST', path: `${WS}/tasks`, body: { title: 'mine' } },
        { as: 'carol', method: 'GET', path: `${WS}/tasks` },
        { as: 'carol', method: 'GET', path: `${WS}/tasks/{3}` },
        { as: 'carol', method: 'PATCH', path: `${WS}/tasks/{3}`, body: { title: 'mine' } },
        { as: 'carol', method: 'DELETE', path: `${WS}/tasks/{3}` },
        { as: 'carol', method: 'DELETE', path: '/me/invitations/{ws:0}' },
        { as: 'bob', method: 'PATCH', path: `${WS}/members/{sub:carol}`, body: { role: 'admin' } },
        {
          as: 'alice',
          method: 'PATCH',
          path: `${WS}/members/{sub:carol}`,
          body: { role: 'admin' },
        },
        { as: 'alice', method: 'DELETE', path: `${WS}/members/{sub:carol}` },
        { as: 'alice', method: 'GET', path: `${WS}/tasks/{3}` },
      ],
    },
    {
      name: 'keyed creates: a replay, another body (422), keys per user and per workspace',
      steps: [
        {
          as: 'alice',
          method: 'POST',
          path: '/workspaces',
          headers: key('k-ws'),
          body: { name: 'A' },
        },
        {
          as: 'alice',
          method: 'POST',
          path: '/workspaces',
          headers: key('"k-ws"'),
          body: { name: 'A' },
        },
        {
          as: 'alice',
          method: 'POST',
          path: '/workspaces',
          headers: key('k-ws'),
          body: { name: 'B' },
        },
        {
          as: 'bob',
          method: 'POST',
          path: '/workspaces',
          headers: key('k-ws'),
          body: { name: 'B' },
        },
        { as: 'alice', method: 'GET', path: '/workspaces' },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          headers: key('k-t'),
          body: { title: 't' },
        },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          headers: key('k-t'),
          body: { title: 't', status: 'pending', description: '', assignee: null },
        },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          headers: key('k-t'),
          body: { title: 'u' },
        },
        { as: 'alice', method: 'POST', path: '/tasks', headers: key('k-t'), body: { title: 'u' } },
        {
          as: 'bob',
          method: 'POST',
          path: '/workspaces/{ws:3}/tasks',
          headers: key('k-t'),
          body: { title: 'u' },
        },
        { as: 'alice', method: 'GET', path: `${WS}/tasks` },
        { as: 'alice', method: 'DELETE', path: `${WS}/tasks/{5}` },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          headers: key('k-t'),
          body: { title: 't' },
        },
        { as: 'alice', method: 'GET', path: `${WS}/tasks` },
        {
          as: 'alice',
          method: 'POST',
          path: `${WS}/tasks`,
          headers: key('"'),
          body: { title: 't' },
        },
      ],
    },
    {
      name: 'a workspace with more than 25 members, invitations and tasks is deleted',
      steps: [
        ...team({ bob: 'member' }),
        ...Array.from(
          { length: 24 },
          (_, i): Step => ({
            as: 'alice',
            method: 'POST',
            path: `${WS}/tasks`,
            body: { title: `t${i}`, assignee: '{sub:bob}' },
          }),
        ),
        { as: 'alice', method: 'POST', path: `${WS}/members`, body: { email: '{email:carol}' } },
        { as: 'bob', method: 'DELETE', path: WS },
        { as: 'alice', method: 'DELETE', path: WS },
        { as: 'alice', method: 'GET', path: WS },
        { as: 'alice', method: 'GET', path: `${WS}/tasks` },
        { as: 'bob', method: 'GET', path: '/me/assigned-tasks' },
        { as: 'carol', method: 'GET', path: '/me/invitations' },
        { as: 'bob', method: 'DELETE', path: WS },
        { as: 'alice', method: 'DELETE', path: WS },
        { as: 'alice', method: 'DELETE', path: WS },
        { as: 'alice', method: 'DELETE', path: WS },
        { as: 'bob', method: 'GET', path: '/workspaces' },
      ],
    },
  ];
}

/** The roles a sequence uses or names, so each run creates only the users it needs. */
export function rolesOf(sequence: Sequence): Role[] {
  const named = sequence.steps.flatMap((s) =>
    [...`${s.path} ${JSON.stringify(s.body ?? '')}`.matchAll(/\{(?:sub|email):(\w+)\}/g)].map(
      (m) => m[1] as Role,
    ),
  );
  return [...new Set([...sequence.steps.map((s) => s.as), ...named])];
}

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request as `role`; the caller adds the base URL and the token. */
export type Send = (role: Role, request: WireRequest) => Promise<WireResponse>;

/** One answer as compared: what a client may rely on, with ids, times and cursors named. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  etag?: string | null;
  location?: string | null;
  body: unknown;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Runs the steps in order. Task and workspace ids become `<task n>` and `<workspace n>` in
 * order of first appearance; a person's `sub` and e-mail address become `<alice>` and
 * `<alice email>` wherever they appear.
 */
export async function runSequence(
  sequence: Sequence,
  send: Send,
  people: People = {},
): Promise<Answer[]> {
  const ids = { task: [] as string[], workspace: [] as string[] };
  const steps: (Record<string, unknown> | undefined)[] = [];
  const name = (kind: keyof typeof ids, id: string) => {
    if (!ids[kind].includes(id)) ids[kind].push(id);
    return `<${kind} ${ids[kind].indexOf(id)}>`;
  };
  const known = new Map<string, string>();
  for (const [person, who] of Object.entries(people)) {
    known.set(who.sub, `<${person}>`);
    known.set(who.email, `<${person} email>`);
  }
  const normal = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => normal(v));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v, k)]));
    }
    if (typeof value !== 'string') return value;
    if (key === 'task_id') return name('task', value);
    if (key === 'workspace_id') return name('workspace', value);
    if (key === 'next_cursor') return '<cursor>';
    const person = known.get(value);
    if (person) return person;
    if (key === 'user_id') return '<user>';
    return TIME.test(value) ? '<time>' : value;
  };
  /** A Location's ids, named as the body's. */
  const location = (value: string | null) =>
    value
      ?.split('/')
      .map((part) => {
        if (ids.workspace.includes(part)) return name('workspace', part);
        return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(part) ? name('task', part) : part;
      })
      .join('/');
  const fill = (text: string) =>
    text
      .replace(/\{(\d+)\}/g, (_, n: string) => String(steps[Number(n)]?.task_id ?? 'none'))
      .replace(/\{ws:(\d+)\}/g, (_, n: string) => String(steps[Number(n)]?.workspace_id ?? 'none'))
      .replace(/\{(sub|email):(\w+)\}/g, (_, what: 'sub' | 'email', person: Person) => {
        const who = people[person];
        if (!who) throw new Error(`no ${what} for ${person}: the run has no such person`);
        return who[what];
      });

  const answers: Answer[] = [];
  for (const step of sequence.steps) {
    const path = fill(step.path);
    const headers: Record<string, string> = { ...step.headers };
    let body: string | undefined;
    if (step.raw) {
      body = step.raw.text;
      if (step.raw.contentType) headers['Content-Type'] = step.raw.contentType;
    } else if (step.body !== undefined) {
      body = fill(JSON.stringify(step.body));
      headers['Content-Type'] = 'application/json';
    }
    const res = await send(step.as, { method: step.method, path, headers, body });
    const json = res.text ? (JSON.parse(res.text) as Record<string, unknown>) : undefined;
    steps.push(json);
    const contentType = res.headers.get('content-type')?.split(';')[0];
    const shown = contentType === 'application/problem+json' ? problemShape(json) : normal(json);
    answers.push({
      status: res.status,
      contentType,
      ...(res.status < 300 ? { etag: res.headers.get('etag') } : {}),
      ...(res.status === 201 ? { location: location(res.headers.get('location')) } : {}),
      body: shown,
    });
  }
  return answers;
}

/** A problem as compared: its type (by name), title, status and field errors; not the prose. */
function problemShape(json: Record<string, unknown> | undefined) {
  return {
    type: problemSlugOf(String(json?.type)) ?? json?.type,
    title: json?.title,
    status: json?.status,
    errors: json?.errors,
  };
}
