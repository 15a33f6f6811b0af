/**
 * Bodies that are not UTF-8, sent as raw bytes through the local stack: a 400 problem naming
 * the body, never a task whose text had its bytes replaced by U+FFFD.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractViolations } from '../support/contract.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

let stack: TestStack;
let user: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  user = await createUser(stack);
});
afterAll(() => stack?.stop());

function send(method: string, path: string, body?: Buffer) {
  const url = new URL(stack.apiUrl);
  return new Promise<{ status: number; headers: Record<string, string>; text: string }>(
    (done, fail) => {
      const headers: Record<string, string> = { Authorization: user.idToken };
      if (body) headers['Content-Type'] = 'application/json';
      const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string>,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', fail);
      req.end(body);
    },
  );
}

/** `{"title":"a<bytes>b"}` with the bytes spliced in raw. */
const titled = (bytes: number[]) =>
  Buffer.concat([Buffer.from('{"title":"a'), Buffer.from(bytes), Buffer.from('b"}')]);

const INVALID = [
  { name: 'a lone continuation byte', bytes: [0x80] },
  { name: 'bytes that are never UTF-8', bytes: [0xff, 0xfe] },
  { name: 'a truncated two-byte sequence', bytes: [0xc3] },
  { name: 'an overlong encoding of /', bytes: [0xc0, 0xaf] },
  { name: 'an encoded UTF-16 surrogate', bytes: [0xed, 0xa0, 0x80] },
  { name: 'a code point above U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80] },
];

describe('a body that is not UTF-8', () => {
  it.each(INVALID)('is a 400 problem naming /body on create: $name', async ({ bytes }) => {
    const res = await send('POST', '/tasks', titled(bytes));

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.text).errors).toEqual([{ path: '/body', message: 'is not valid UTF-8' }]);
    expect(contractViolations('createTask', { ...res, body: res.text })).toEqual([]);
  });

  it.each(INVALID)('is a 400 on update, the task unchanged: $name', async ({ bytes }) => {
    const created = await send('POST', '/tasks', Buffer.from('{"title":"keep"}'));
    const id = JSON.parse(created.text).task_id;

    const res = await send('PATCH', `/tasks/${id}`, titled(bytes));

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors).toEqual([{ path: '/body', message: 'is not valid UTF-8' }]);
    expect(JSON.parse((await send('GET', `/tasks/${id}`)).text).title).toBe('keep');
  });

  it('stores no task with U+FFFD in place of the bytes', async () => {
    await send('POST', '/tasks', titled([0xff]));

    const list = JSON.parse((await send('GET', '/tasks?limit=100')).text);
    expect(list.tasks.map((t: { title: string }) => t.title)).not.toContainEqual(
      expect.stringContaining('\uFFFD'),
    );
  });

  it('keeps valid multi-byte UTF-8 (and a sent U+FFFD) as sent', async () => {
    const res = await send('POST', '/tasks', titled([...Buffer.from('é😀\uFFFD')]));

    expect(res.status).toBe(201);
    expect(JSON.parse(res.text).title).toBe('aé😀\uFFFDb');
  });
});
