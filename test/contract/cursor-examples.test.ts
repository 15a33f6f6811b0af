/**
 * The spec's cursor examples are cursors the API could have issued: each is well formed for its
 * list (src/data/cursor.ts), so the running API either accepts it or refuses it only as foreign
 * (issued to another caller, for another filter), never as malformed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProblem, type Problem } from '../../src/contract/problem.js';
import { decodePositionCursor, decodeStatusCursor } from '../../src/data/cursor.js';
import { userPk } from '../../src/data/keys.js';
import { containerList } from '../../src/data/listings.js';
import { STATUS_INDEX_SHARDS_DEFAULT } from '../../src/data/table.js';
import { deref, loadSpec, operations } from '../../src/openapi.js';
import type { TaskStatus } from '../../src/tasks/task.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

type Json = Record<string, unknown>;
const spec = loadSpec();
const LISTS = ['listTasks', 'listTasksByStatus'] as const;
type List = (typeof LISTS)[number];

interface CursorExample {
  operationId: List;
  where: string;
  cursor: string;
  /** The operation's other query parameters, at their examples. */
  query: Record<string, string>;
}

/** Every value under a `next_cursor` key. */
function nextCursors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'next_cursor' && typeof v === 'string' ? [v] : nextCursors(v),
  );
}

/** The examples of a parameter or media type: `example` and each of `examples`. */
function examplesOf(node: Json): unknown[] {
  const named = Object.values((node.examples ?? {}) as Record<string, Json>).map((e) =>
    deref(spec, e),
  );
  return [...(node.example !== undefined ? [node.example] : []), ...named.map((e) => e.value)];
}

function cursorExamples(): CursorExample[] {
  const out: CursorExample[] = [];
  for (const op of operations(spec)) {
    const item = spec.paths[op.path] as { parameters?: unknown[] };
    const parameters = [...(item.parameters ?? []), ...(op.operation.parameters ?? [])].map((p) =>
      deref(spec, p),
    );
    const query: Record<string, string> = {};
    for (const p of parameters) {
      if (p.in === 'query' && p.name !== 'cursor' && p.example !== undefined)
        query[String(p.name)] = String(p.example);
    }
    const found: [string, unknown][] = parameters
      .filter((p) => p.name === 'cursor')
      .flatMap((p) => examplesOf(p).map((e): [string, unknown] => ['parameter cursor', e]));
    for (const [status, response] of Object.entries(op.operation.responses)) {
      const content = (deref(spec, response).content ?? {}) as Record<string, Json>;
      for (const [type, media] of Object.entries(content)) {
        for (const cursor of examplesOf(media).flatMap(nextCursors))
          found.push([`${status} ${type} next_cursor`, cursor]);
      }
    }
    if (found.length === 0) continue;
    expect(LISTS, `${op.operationId} has cursor examples`).toContain(op.operationId);
    for (const [where, cursor] of found) {
      expect(typeof cursor, `${op.operationId} ${where}`).toBe('string');
      out.push({ operationId: op.operationId as List, where, cursor: String(cursor), query });
    }
  }
  return out;
}

const examples = cursorExamples();

let stack: TestStack;
let user: TestUser;
let admin: TestUser;
beforeAll(async () => {
  stack = await startTestStack();
  [user, admin] = await Promise.all([createUser(stack), createUser(stack, { admin: true })]);
});
afterAll(() => stack?.stop());

/** How the list's own codec reads the example for this caller: a position, or why not. */
function decodeFor(example: CursorExample, caller: TestUser): Problem | undefined {
  const status = example.query.status as TaskStatus | undefined;
  try {
    if (example.operationId === 'listTasks') {
      const list = containerList(userPk(caller.sub), { status });
      decodePositionCursor(example.cursor, caller.sub, list, [/^[0-9A-HJKMNP-TV-Z]{26}$/]);
    } else decodeStatusCursor(example.cursor, status as TaskStatus, STATUS_INDEX_SHARDS_DEFAULT);
    return undefined;
  } catch (err) {
    if (isProblem(err, 'validation-error')) return err;
    throw err;
  }
}

describe('cursor examples', () => {
  it('finds a cursor example for each list, as a parameter and as a next_cursor', () => {
    for (const list of LISTS) {
      const wheres = examples.filter((e) => e.operationId === list).map((e) => e.where);
      expect(wheres, list).toContainEqual('parameter cursor');
      expect(
        wheres.some((w) => w.endsWith('next_cursor')),
        list,
      ).toBe(true);
    }
  });

  it.each(examples.map((e) => ({ ...e, name: `${e.operationId} ${e.where}` })))(
    '$name is a cursor the API accepts or refuses only as foreign',
    async (example) => {
      const caller = example.operationId === 'listTasks' ? user : admin;
      const refusal = decodeFor(example, caller);
      // Foreign: issued to another caller or filter, or before a reshard; never malformed.
      if (refusal) expect(refusal.message).toMatch(/it was issued|resharded/);

      const path = example.operationId === 'listTasks' ? '/tasks' : '/admin/tasks';
      const search = new URLSearchParams({ ...example.query, cursor: example.cursor });
      const res = await fetch(`${stack.apiUrl}${path}?${search}`, {
        headers: { Authorization: caller.idToken },
      });
      const body = await res.json();
      if (refusal === undefined) {
        expect(res.status, JSON.stringify(body)).toBe(200);
      } else {
        expect(res.status).toBe(400);
        expect(body.detail).toBe(refusal.message);
        expect(body.errors).toEqual([{ path: '/query/cursor', message: refusal.message }]);
      }
    },
  );
});
