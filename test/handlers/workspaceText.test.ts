/**
 * Workspace names and workspace task titles follow the same visible-text rule as a personal
 * task's title (openapi.yaml's VisibleText): nothing invisible is stored, all else kept as sent.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { INVISIBLE_TITLES, VISIBLE_TITLES } from '../support/titles.js';
import { createWorkspace, createWorkspaceTask } from '../support/workspaces.js';

let env: HandlerEnv;
let owner: string;
let workspaceId: string;
let taskId: string;
beforeAll(async () => {
  env = await startHandlerEnv();
  owner = randomUUID();
  workspaceId = await createWorkspace(env, owner);
  taskId = await createWorkspaceTask(env, workspaceId, owner);
});
afterAll(() => env.stop());

const cases = [
  {
    operationId: 'createWorkspace',
    field: 'name',
    success: 201,
    request: (name: string) => ({ sub: owner, body: { name } }),
  },
  {
    operationId: 'renameWorkspace',
    field: 'name',
    success: 200,
    request: (name: string) => ({ sub: owner, pathParameters: { workspaceId }, body: { name } }),
  },
  {
    operationId: 'createWorkspaceTask',
    field: 'title',
    success: 201,
    request: (title: string) => ({ sub: owner, pathParameters: { workspaceId }, body: { title } }),
  },
  {
    operationId: 'updateWorkspaceTask',
    field: 'title',
    success: 200,
    request: (title: string) => ({
      sub: owner,
      pathParameters: { workspaceId, taskId },
      body: { title },
    }),
  },
] as const;

describe.each(cases)('$operationId', ({ operationId, field, success, request }) => {
  it.each(INVISIBLE_TITLES)(
    `refuses a ${field} of $name with a 400 naming /body/${field}, and writes nothing`,
    async ({ title: text }) => {
      const before = await env.items();

      const res = await env.invoke(operationId, request(text));

      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json.errors).toEqual([expect.objectContaining({ path: `/body/${field}` })]);
      expect(await env.items()).toEqual(before);
    },
  );

  it.each(VISIBLE_TITLES)(`accepts a ${field} of $name, kept as sent`, async ({ title: text }) => {
    const res = await env.invoke(operationId, request(text));

    expect(res.status).toBe(success);
    expect(res.json[field]).toBe(text);
  });
});
