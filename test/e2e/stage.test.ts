/** The API under a stage path (LOCAL_STAGE=prod), as API Gateway's execute-api URL serves it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

let stack: TestStack;
let user: TestUser;
beforeAll(async () => {
  stack = await startTestStack({ stage: 'prod' });
  user = await createUser(stack);
});
afterAll(() => stack.stop());

const auth = () => ({ Authorization: `Bearer ${user.idToken}` });

describe('under /prod', () => {
  it('answers a create with a Location that resolves under the stage', async () => {
    const created = await fetch(`${stack.apiUrl}/tasks`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Staged' }),
    });
    const task = await created.json();

    expect(created.status).toBe(201);
    const location = created.headers.get('location') as string;
    expect(location).toBe(`/prod/tasks/${task.task_id}`);
    const got = await fetch(new URL(location, stack.apiUrl), { headers: auth() });
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(task);
  });

  it('refuses a non-admin GET /admin/tasks without status with 400 at the gateway, not 403', async () => {
    const res = await fetch(`${stack.apiUrl}/admin/tasks`, { headers: auth() });

    expect(res.status).toBe(400);
    expect((await res.json()).detail).toBe('Missing required request parameters: [status]');
  });

  it('still answers 403 to a non-admin who sends the required status', async () => {
    const res = await fetch(`${stack.apiUrl}/admin/tasks?status=pending`, { headers: auth() });

    expect(res.status).toBe(403);
  });
});
