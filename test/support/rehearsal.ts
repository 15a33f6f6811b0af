/**
 * A deploy rehearsal without an account: the real handlers behind the local gateway, each
 * initialized and invoked with the environment the synthesized template gives its function
 * (tokens resolved to the local stack's table and the local gateway's function names), driven
 * through every operation's success and failure paths. It records what each operation's code
 * needed from AWS: the DynamoDB actions and resources, the environment variables it read, and
 * the metrics its log lines emit. The checks in test/rehearsal/ hold the template to it.
 */
import { randomUUID } from 'node:crypto';
import { lambdaContext } from '../../src/local/event.js';
import { loadSpec, operations } from '../../src/openapi.js';
import { type Api, apiClient, walkPages } from './api.js';
import { type Json, type Resolver, resolver, resourcesOf } from './cfn.js';
import type { DynamoAccess } from './dynamoAccess.js';
import { startDynamoProxy } from './dynamoProxy.js';
import { type EmittedMetric, emittedMetrics, jsonLines } from './emf.js';
import { functionEnv } from './functionEnv.js';
import { isolatedFunctions } from './isolatedFunctions.js';
import {
  PEOPLE,
  type Person,
  type Role,
  runSequence,
  SEQUENCES,
  type WireRequest,
} from './sequences.js';
import { createUser, startTestStack, type TestUser } from './stack.js';

export const OPERATION_IDS = operations(loadSpec()).map((op) => op.operationId);
const REGION = 'us-east-1';

export interface Recording {
  region: string;
  /** Resolves the template as this run saw it: the local table, the local function names. */
  resolver: Resolver;
  /** operationId -> the name its Lambda context carried. */
  functionNames: Record<string, string>;
  /** operationId -> the DynamoDB accesses its code needed. */
  accesses: Map<string, DynamoAccess[]>;
  /** operationId -> the environment variables its code read. */
  envReads: Map<string, Set<string>>;
  /** The metrics of every EMF line the handlers wrote. */
  metrics: EmittedMetric[];
  /** `<operationId> <status>` of every request a handler answered, as the gateway logged it. */
  outcomes: Set<string>;
}

/** `functionOf`: operationId -> the logical id of the template's function for it. */
export async function rehearse(
  template: Json,
  functionOf: Record<string, string>,
): Promise<Recording> {
  const tables = resourcesOf(template, 'AWS::DynamoDB::Table');
  if (tables.length !== 1) throw new Error(`the template has ${tables.length} tables, not 1`);
  const tableName = `TaskApp-rehearsal-${randomUUID()}`;
  const functionNames = Object.fromEntries(
    OPERATION_IDS.map((operationId) => [
      operationId,
      lambdaContext({ operationId, requestId: '-', region: REGION, timeoutMs: 0 }).functionName,
    ]),
  );
  const r = resolver(template, {
    region: REGION,
    names: {
      [tables[0]?.[0] as string]: tableName,
      ...Object.fromEntries(OPERATION_IDS.map((op) => [functionOf[op], functionNames[op]])),
    },
  });

  let dynamoEndpoint = '';
  const env = functionEnv((operationId) => {
    const fn = template.Resources[functionOf[operationId] as string];
    const variables = (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
    return {
      // Lambda's own (test/support/lambdaRuntimeEnv.ts), as it would set them for this function.
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_LAMBDA_FUNCTION_NAME: functionNames[operationId],
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_LEVEL: fn.Properties.LoggingConfig?.ApplicationLogLevel,
      ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, r.resolve(v)])),
      // The local engine in place of DynamoDB's regional endpoint.
      DYNAMODB_ENDPOINT: dynamoEndpoint,
    };
  });
  const printed: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  const functions = isolatedFunctions(env, REGION);
  const stack = await startTestStack({ loadHandler: functions.loadHandler, tableName }).catch(
    (err: unknown) => {
      process.stdout.write = write;
      throw err;
    },
  );
  const proxy = await startDynamoProxy(stack.dynamoEndpoint);
  dynamoEndpoint = proxy.url;
  try {
    // Verified addresses: the workspace sequences invite and accept by e-mail.
    const users = {
      alice: await createUser(stack, { verified: true }),
      bob: await createUser(stack, { verified: true }),
      carol: await createUser(stack, { verified: true }),
      admin: await createUser(stack, { admin: true }),
    };
    await drive(apiClient(stack.apiUrl), stack.apiUrl, users, proxy);
    await driveWorkspaces(
      apiClient(stack.apiUrl),
      {
        owner: await createUser(stack, { verified: true }),
        member: await createUser(stack, { verified: true }),
      },
      proxy,
    );
  } catch (err) {
    // The handlers' failures, which the gateway logs and a 502 hides.
    const failures = stack.logs
      .filter((l) => l.level === 'error')
      .slice(0, 5)
      .map((l) => JSON.stringify(l));
    throw new Error(`${(err as Error).message}\n${failures.join('\n')}`, { cause: err });
  } finally {
    await proxy.close();
    await stack.stop();
    process.stdout.write = write;
  }
  const outcomes = new Set(
    stack.logs
      .filter((l) => l.msg === 'request' && l.operation_id !== undefined)
      .map((l) => `${l.operation_id} ${l.status}`),
  );
  return {
    region: REGION,
    resolver: r,
    functionNames,
    accesses: functions.accesses,
    envReads: env.reads,
    metrics: emittedMetrics(jsonLines(printed).filter((l) => l._aws !== undefined)),
    outcomes,
  };
}

type Users = Record<Person | 'admin', TestUser>;
type Proxy = Awaited<ReturnType<typeof startDynamoProxy>>;

/**
 * The e2e sequences (test/support/sequences.ts), then what they leave out: cursors followed to
 * the last page in both listings (the admin one across the status-index shards), a status
 * change, a store that throttles each operation, and the keyed and unkeyed creates' recovery
 * paths.
 */
async function drive(api: Api, apiUrl: string, users: Users, proxy: Proxy): Promise<void> {
  const tokenOf = (role: Role) =>
    role === 'stranger'
      ? 'a-token-nobody-issued'
      : role === 'anonymous'
        ? undefined
        : users[role].idToken;
  const send = async (role: Role, r: WireRequest) => {
    const token = tokenOf(role);
    const res = await fetch(`${apiUrl}${r.path}`, {
      method: r.method,
      headers: { ...r.headers, ...(token ? { Authorization: token } : {}) },
      ...(r.body !== undefined ? { body: r.body } : {}),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const people = Object.fromEntries(
    PEOPLE.map((p) => [p, { sub: users[p].sub, email: users[p].email }]),
  );
  for (const sequence of SEQUENCES) await runSequence(sequence, send, people);

  const alice = users.alice.idToken;
  const admin = users.admin.idToken;
  const create = (
    title: string,
    extra: { status?: string; headers?: Record<string, string> } = {},
  ) =>
    api.call('createTask', {
      method: 'POST',
      path: '/tasks',
      token: alice,
      headers: extra.headers,
      body: JSON.stringify({ title, ...(extra.status ? { status: extra.status } : {}) }),
    });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await create(`page ${i}`)).json.task_id);
  await walkPages(api, 'listTasks', alice, { limit: '2' });
  await walkPages(api, 'listTasks', alice, { limit: '1', status: 'pending' });
  await walkPages(api, 'listTasksByStatus', admin, { limit: '2', status: 'pending' });
  await api.call('listTasksByStatus', {
    method: 'GET',
    path: '/admin/tasks?status=pending&cursor=bm90LWEtY3Vyc29y',
    token: admin,
  });
  await api.call('updateTask', {
    method: 'PATCH',
    path: `/tasks/${ids[0]}`,
    token: alice,
    headers: { 'If-Match': '*' },
    body: JSON.stringify({ status: 'completed' }),
  });

  // Each operation against a store that throttles every request: a 429, and its metric.
  const id = ids[1] as string;
  const requests: [string, Parameters<Api['call']>[1]][] = [
    ['createTask', { method: 'POST', path: '/tasks', body: JSON.stringify({ title: 't' }) }],
    ['listTasks', { method: 'GET', path: '/tasks' }],
    ['getTask', { method: 'GET', path: `/tasks/${id}` }],
    ['updateTask', { method: 'PATCH', path: `/tasks/${id}`, body: '{"title":"t"}' }],
    ['deleteTask', { method: 'DELETE', path: `/tasks/${id}` }],
    ['listTasksByStatus', { method: 'GET', path: '/admin/tasks?status=pending' }],
  ];
  proxy.rule = () => 'throttle';
  try {
    for (const [operationId, request] of requests) {
      const token = operationId === 'listTasksByStatus' ? admin : alice;
      await api.call(operationId, { ...request, token });
    }
  } finally {
    proxy.rule = () => 'pass';
  }

  // A keyed create whose transaction the store cannot take: a 503, nothing written.
  proxy.rule = ({ target }) => (target === 'TransactWriteItems' ? 'unavailable' : 'pass');
  try {
    await create('unfinished', { headers: { 'Idempotency-Key': randomUUID() } });
  } finally {
    proxy.rule = () => 'pass';
  }
  // An unkeyed create whose first answer is lost: the SDK retries, the task is read back.
  let lost = false;
  proxy.rule = ({ target }) => {
    if (target !== 'TransactWriteItems' || lost) return 'pass';
    lost = true;
    return 'lose-answer';
  };
  try {
    await create('answer lost');
  } finally {
    proxy.rule = () => 'pass';
  }
}

/**
 * Every workspace operation through the gateway with real tokens: a team's whole life, from
 * creation through invitations, roles, shared and assigned tasks, to the member leaving, a
 * second invitation declined and revoked, and the workspace deleted; then keyed creates
 * replayed, and each operation against a store that throttles.
 */
async function driveWorkspaces(
  api: Api,
  { owner, member }: Record<'owner' | 'member', TestUser>,
  proxy: Proxy,
): Promise<void> {
  const sent: [string, string, string, TestUser, unknown][] = [];
  let throttling = false;
  const call = async (
    operationId: string,
    method: string,
    path: string,
    as: TestUser,
    body?: unknown,
    key: string = randomUUID(),
  ) => {
    sent.push([operationId, method, path, as, body]);
    const res = await api.call(operationId, {
      method,
      path,
      token: as.idToken,
      headers: { 'Idempotency-Key': key },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 400 && !throttling) {
      throw new Error(`${operationId}: ${res.status} ${res.text}`);
    }
    return res.json;
  };
  const ws = (await call('createWorkspace', 'POST', '/workspaces', owner, { name: 'Team' }))
    .workspace_id as string;
  const at = `/workspaces/${ws}`;
  await call('listWorkspaces', 'GET', '/workspaces', owner);
  await call('getWorkspace', 'GET', at, owner);
  await call('renameWorkspace', 'PATCH', at, owner, { name: 'Team A' });
  await call('inviteMember', 'POST', `${at}/members`, owner, { email: member.email });
  await call('listMyInvitations', 'GET', '/me/invitations', member);
  await call('acceptInvitation', 'POST', `/me/invitations/${ws}`, member);
  await call('listMembers', 'GET', `${at}/members`, owner);
  await call('updateMember', 'PATCH', `${at}/members/${member.sub}`, owner, { role: 'admin' });
  const task = (
    await call('createWorkspaceTask', 'POST', `${at}/tasks`, owner, {
      title: 'Shared',
      assignee: member.sub,
    })
  ).task_id as string;
  await call('listWorkspaceTasks', 'GET', `${at}/tasks?status=pending`, member);
  await call('listWorkspaceTasks', 'GET', `${at}/tasks?assignee=${member.sub}`, member);
  await call('getWorkspaceTask', 'GET', `${at}/tasks/${task}`, member);
  await call('updateWorkspaceTask', 'PATCH', `${at}/tasks/${task}`, member, {
    status: 'in_progress',
  });
  await call('listMyAssignedTasks', 'GET', '/me/assigned-tasks', member);
  // The due index (GSI2) and the agenda (GSI3): each function's grant covers its index.
  await call('listWorkspaceTasks', 'GET', `${at}/tasks?sort=due`, member);
  await call(
    'listMyAgenda',
    'GET',
    '/me/agenda?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
    member,
  );
  // A stale If-Match on each operation that takes one: a 412, and its metric.
  for (const [operationId, method, path, body] of [
    ['renameWorkspace', 'PATCH', at, { name: 'Stale' }],
    ['updateMember', 'PATCH', `${at}/members/${member.sub}`, { role: 'member' }],
    ['updateWorkspaceTask', 'PATCH', `${at}/tasks/${task}`, { title: 'Stale' }],
    ['deleteWorkspaceTask', 'DELETE', `${at}/tasks/${task}`, undefined],
  ] as const) {
    const res = await api.call(operationId, {
      method,
      path,
      token: owner.idToken,
      headers: { 'If-Match': '"999"' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status !== 412) throw new Error(`${operationId}: ${res.status} ${res.text}`);
  }
  await call('deleteWorkspaceTask', 'DELETE', `${at}/tasks/${task}`, member);
  await call('leaveWorkspace', 'POST', `${at}/leave`, member);
  // Invited again: declined once, then invited and revoked, then a member removed.
  await call('inviteMember', 'POST', `${at}/members`, owner, { email: member.email });
  await call('declineInvitation', 'DELETE', `/me/invitations/${ws}`, member);
  await call('inviteMember', 'POST', `${at}/members`, owner, { email: member.email });
  await call(
    'revokeInvitation',
    'DELETE',
    `${at}/invitations/${encodeURIComponent(member.email)}`,
    owner,
  );
  await call('inviteMember', 'POST', `${at}/members`, owner, { email: member.email });
  await call('acceptInvitation', 'POST', `/me/invitations/${ws}`, member);
  await call('removeMember', 'DELETE', `${at}/members/${member.sub}`, owner);

  // Keyed creates sent twice: the second is answered from the key's record.
  const key = randomUUID();
  await call('createWorkspaceTask', 'POST', `${at}/tasks`, owner, { title: 'Once' }, key);
  await call('createWorkspaceTask', 'POST', `${at}/tasks`, owner, { title: 'Once' }, key);
  const again = randomUUID();
  await call('createWorkspace', 'POST', '/workspaces', owner, { name: 'Once' }, again);
  await call('createWorkspace', 'POST', '/workspaces', owner, { name: 'Once' }, again);

  // Each request again against a store that throttles every call: a 429, and its metric.
  const journey = [...sent, ['deleteWorkspace', 'DELETE', at, owner, undefined] as const];
  proxy.rule = () => 'throttle';
  throttling = true;
  try {
    for (const [operationId, method, path, as, body] of journey) {
      await call(operationId, method, path, as, body);
    }
  } finally {
    proxy.rule = () => 'pass';
    throttling = false;
  }
  await call('deleteWorkspace', 'DELETE', at, owner);
}
