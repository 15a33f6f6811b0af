/**
 * Invitations and the token's `email` claim take one canonical form (src/contract/email.ts): an
 * invitation matches its invitee whatever the ASCII case, keeps its length, and never meets
 * another address through Unicode case mapping.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { createWorkspace } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

async function invite(owner: string, workspaceId: string, email: string) {
  return env.invoke('inviteMember', {
    sub: owner,
    pathParameters: { workspaceId },
    body: { email },
  });
}

/** Every member and invitation of the workspace, one per page. */
async function allMembers(sub: string, workspaceId: string) {
  const emails: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.invoke('listMembers', {
      sub,
      pathParameters: { workspaceId },
      query: { limit: '1', ...(cursor ? { cursor } : {}) },
    });
    expect(page.status).toBe(200);
    emails.push(...page.json.members.map((m: { email: string }) => m.email));
    cursor = page.json.next_cursor;
  } while (cursor);
  return emails;
}

const accept = (sub: string, email: string, workspaceId: string) =>
  env.invoke('acceptInvitation', { sub, email, pathParameters: { workspaceId } });

describe('an invitation by e-mail', () => {
  it('matches its invitee whatever the ASCII case of the invitation and of the claim', async () => {
    const owner = randomUUID();
    const id = await createWorkspace(env, owner);
    const local = `Bob.${randomUUID()}`;
    const invitee = randomUUID();

    const invited = await invite(owner, id, `${local.toUpperCase()}@example.COM`);
    expect(invited.status).toBe(201);
    expect(invited.json.email).toBe(`${local.toLowerCase()}@example.com`);

    const claim = `${local}@Example.com`;
    const mine = await env.invoke('listMyInvitations', { sub: invitee, email: claim });
    expect(mine.json.invitations.map((i: { workspace_id: string }) => i.workspace_id)).toEqual([
      id,
    ]);
    expect((await accept(invitee, claim, id)).status).toBe(200);
    expect(await allMembers(owner, id)).toContain(`${local.toLowerCase()}@example.com`);
  });

  it('keeps an address of dotted capital Is (U+0130) at its length: the member list pages through it and past it', async () => {
    const owner = randomUUID();
    const id = await createWorkspace(env, owner);
    // 206 characters; Unicode lower-casing made it 406, over the contract's 254.
    const dotted = `a@${'İ'.repeat(200)}.com`;
    const others = [`b-${randomUUID()}@example.com`, `c-${randomUUID()}@example.com`];

    const invited = await invite(owner, id, dotted);
    expect(invited.status).toBe(201);
    expect(invited.json.email).toBe(dotted);
    for (const email of others) expect((await invite(owner, id, email)).status).toBe(201);

    const emails = await allMembers(owner, id);
    expect(emails).toHaveLength(4);
    expect(emails).toEqual(expect.arrayContaining([dotted, ...others]));
    expect((await accept(randomUUID(), dotted, id)).status).toBe(200);
  });

  it('keeps the Kelvin sign (U+212A) apart from ASCII k: only its own address accepts', async () => {
    const owner = randomUUID();
    const id = await createWorkspace(env, owner);
    const local = randomUUID();
    const kelvin = `${local}\u212A@example.com`;
    expect((await invite(owner, id, kelvin)).json.email).toBe(kelvin);

    const asciiK = randomUUID();
    const seen = await env.invoke('listMyInvitations', {
      sub: asciiK,
      email: `${local}k@example.com`,
    });
    expect(seen.json.invitations).toEqual([]);
    expect((await accept(asciiK, `${local}K@example.com`, id)).status).toBe(404);
    expect((await accept(randomUUID(), `${local}\u212A@EXAMPLE.com`, id)).status).toBe(200);
  });

  it('revokes an invitation named in another ASCII case', async () => {
    const owner = randomUUID();
    const id = await createWorkspace(env, owner);
    const email = `Carol-${randomUUID()}@example.com`;
    expect((await invite(owner, id, email)).status).toBe(201);

    const revoked = await env.invoke('revokeInvitation', {
      sub: owner,
      pathParameters: { workspaceId: id, email: email.toUpperCase() },
    });

    expect(revoked.status).toBe(204);
    expect(await allMembers(owner, id)).toEqual([`${owner}@example.com`]);
  });

  it('refuses an address longer than the contract allows with a 400 naming /body/email', async () => {
    const owner = randomUUID();
    const id = await createWorkspace(env, owner);

    const res = await invite(owner, id, `a@${'İ'.repeat(249)}.com`);

    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ path: '/body/email' })]);
  });
});
