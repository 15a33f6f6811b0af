/** Small factories for handler tests. */
import { randomUUID } from 'node:crypto';
import type { HandlerEnv } from './handlers.js';

export const newUser = () => randomUUID();

let counter = 0;
export async function createTask(env: HandlerEnv, sub: string, body: Record<string, unknown> = {}) {
  counter += 1;
  const res = await env.invoke('createTask', { sub, body: { title: `Task ${counter}`, ...body } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.body}`);
  return res.json as {
    task_id: string;
    title: string;
    description: string;
    status: string;
    created_at: string;
    updated_at: string;
    version: number;
  };
}

/** A well-formed ULID that no task has. */
export const UNKNOWN_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
