/**
 * If-Match lists on PATCH and DELETE /tasks/{taskId} (issue 10, item 1): DynamoDB takes at most
 * 100 operands in `IN` (dynalite takes any number), so repeated tags collapse and a list of more
 * than 100 distinct versions is the caller's 400, never a store error.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createTask, newUser } from '../support/tasks.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

/** Tags for versions 1..n, the current version 1 among them. */
const distinct = (n: number) => Array.from({ length: n }, (_, i) => `"${n - i}"`).join(', ');

const OPERATIONS = [
  { operationId: 'updateTask', body: { title: 'changed' }, success: 200 },
  { operationId: 'deleteTask', body: undefined, success: 204 },
] as const;

describe.each(OPERATIONS)(
  '$operationId with an If-Match list',
  ({ operationId, body, success }) => {
    async function send(ifMatch: string) {
      const sub = newUser();
      const task = await createTask(env, sub);
      const res = await env.invoke(operationId, {
        sub,
        pathParameters: { taskId: task.task_id },
        headers: { 'If-Match': ifMatch },
        ...(body ? { body } : {}),
      });
      return { res, sub, task };
    }

    it('collapses 200 copies of the current tag into one and succeeds', async () => {
      const { res } = await send(Array.from({ length: 200 }, () => '"1"').join(','));
      expect(res.status).toBe(success);
    });

    it('takes 100 distinct tags, the most DynamoDB compares in one condition', async () => {
      const { res } = await send(distinct(100));
      expect(res.status).toBe(success);
    });

    it('refuses 101 distinct tags with a 400 naming the header, and changes nothing', async () => {
      const { res, sub, task } = await send(distinct(101));
      expect(res.status).toBe(400);
      expect(res.json.errors).toEqual([
        { path: '/headers/if-match', message: 'must name at most 100 distinct entity tags' },
      ]);
      const got = await env.invoke('getTask', { sub, pathParameters: { taskId: task.task_id } });
      expect(got.json).toEqual(task);
    });
  },
);
