/**
 * The web app's small rules, without a browser: password policy, field errors, config, drafts,
 * routes, and what each workspace role is offered.
 */
import { describe, expect, it } from 'vitest';
import { TaskApiProblemError } from '../../sdk/src/index.js';
import { passwordProblem } from '../../web/src/auth/password.js';
import { parseConfig } from '../../web/src/config.js';
import { parseRoute, type Route, routeHref } from '../../web/src/route.js';
import {
  attempt,
  clearDrafts,
  DRAFT_KEY,
  emptyDraft,
  loadDraft,
  saveDraft,
} from '../../web/src/tasks/draft.js';
import { failureMessage, fieldErrors } from '../../web/src/ui/problems.js';
import { invitableRoles, offers } from '../../web/src/workspaces/permissions.js';
import { memoryStorage } from '../support/storage.js';

describe('passwordProblem (the pool: 10+ characters, upper, lower, digit)', () => {
  it.each([
    { name: 'too short', given: 'Ab1', want: 'The password needs 10 characters.' },
    {
      name: 'no upper case',
      given: 'abcdefghij1',
      want: 'The password needs an upper-case letter.',
    },
    {
      name: 'no lower case',
      given: 'ABCDEFGHIJ1',
      want: 'The password needs a lower-case letter.',
    },
    { name: 'no digit', given: 'Abcdefghijk', want: 'The password needs a digit.' },
    {
      name: 'empty',
      given: '',
      want: 'The password needs 10 characters, an upper-case letter, a lower-case letter, a digit.',
    },
  ])('refuses a password that is $name, saying what is missing', ({ given, want }) => {
    expect(passwordProblem(given)).toBe(want);
  });

  it('accepts one that meets the policy', () => {
    expect(passwordProblem('Abcdefghi1')).toBeUndefined();
  });
});

describe('fieldErrors', () => {
  it('names each field by the last segment of its JSON pointer, first message wins', () => {
    const problem = {
      type: 'https://task-api.dev/problems/validation-error',
      title: 'Bad Request',
      status: 400,
      errors: [
        { path: '/body/title', message: 'must not be empty' },
        { path: '/body/title', message: 'second' },
        { path: '/body/description', message: 'too long' },
      ],
    };

    expect(fieldErrors(problem)).toEqual({ title: 'must not be empty', description: 'too long' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('failureMessage', () => {
  it("shows the problem's detail when a paginator throws it", () => {
    const problem = {
      type: 'https://task-api.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'workspace 01JD7Z8Q3X5M2N4P6R8T0V2W4Y not found',
    };
    const thrown = new TaskApiProblemError(problem, new Response(null, { status: 404 }));

    expect(failureMessage(thrown)).toBe('workspace 01JD7Z8Q3X5M2N4P6R8T0V2W4Y not found');
  });
});

describe('parseConfig', () => {
  it('reads the three endpoints the stack writes', () => {
    const config = { apiUrl: 'https://a', cognitoEndpoint: 'https://c', clientId: 'x', extra: 1 };

    expect(parseConfig(config)).toEqual({
      apiUrl: 'https://a',
      cognitoEndpoint: 'https://c',
      clientId: 'x',
    });
  });

  it('refuses a config without a client id, naming it', () => {
    expect(() => parseConfig({ apiUrl: 'https://a', cognitoEndpoint: 'https://c' })).toThrow(
      'config.json must have a string clientId, got undefined',
    );
  });
});

describe('the "Add task" draft', () => {
  it('survives a reload with its idempotency key, and is dropped once empty', () => {
    const store = memoryStorage();
    const draft = { ...loadDraft(store), title: 'Half typed' };
    saveDraft(draft, store);

    expect(loadDraft(store)).toEqual(draft);
    saveDraft({ ...draft, title: '', description: '' }, store);
    expect(store.items.has(DRAFT_KEY)).toBe(false);
  });

  it('sends the same body again with the same key, so a retried create is not made twice', () => {
    const first = attempt({ ...loadDraft(memoryStorage()), title: 'Lost answer' });
    const retry = attempt(first.draft);

    expect(first.body).toEqual({ title: 'Lost answer' });
    expect(retry.idempotencyKey).toBe(first.idempotencyKey);
    expect(retry.draft).toEqual(first.draft);
  });

  it('sends an edited body with a new key, and a body sent before with its old key', () => {
    const first = attempt({ ...loadDraft(memoryStorage()), title: 'Lost answer' });
    const edited = attempt({ ...first.draft, description: 'Now with more' });
    const back = attempt({ ...edited.draft, description: '' });

    expect(edited.body).toEqual({ title: 'Lost answer', description: 'Now with more' });
    expect(edited.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(edited.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(back.idempotencyKey).toBe(first.idempotencyKey);
  });

  it('keeps the keys it sent across a reload', () => {
    const store = memoryStorage();
    const sent = attempt({ ...loadDraft(store), title: 'Sent, then reloaded' });
    saveDraft(sent.draft, store);

    expect(attempt(loadDraft(store)).idempotencyKey).toBe(sent.idempotencyKey);
  });

  it("reads an earlier version's draft, its one key kept for the body it holds", () => {
    const store = memoryStorage();
    store.setItem(
      DRAFT_KEY,
      JSON.stringify({ title: 'Old', description: '', idempotencyKey: 'k-1' }),
    );

    expect(attempt(loadDraft(store)).idempotencyKey).toBe('k-1');
    expect(attempt({ ...loadDraft(store), title: 'Old, edited' }).idempotencyKey).not.toBe('k-1');
  });

  it("keeps a workspace's draft apart from the personal one, its keys across a reload", () => {
    const store = memoryStorage();
    const ws = 'workspace.01JD7Z8Q3X5M2N4P6R8T0V2W4Y';
    const sent = attempt({ ...emptyDraft(), title: 'Shared', assignee: 'user-b' });
    saveDraft(sent.draft, store, ws);
    saveDraft({ ...emptyDraft(), title: 'Mine' }, store);

    expect(sent.body).toEqual({ title: 'Shared', assignee: 'user-b' });
    expect(loadDraft(store, ws)).toEqual(sent.draft);
    expect(attempt(loadDraft(store, ws)).idempotencyKey).toBe(sent.idempotencyKey);
    expect(loadDraft(store).title).toBe('Mine');
  });

  it('sends another assignee under a new key', () => {
    const first = attempt({ ...emptyDraft(), title: 'Shared', assignee: 'user-b' });
    const other = attempt({ ...first.draft, assignee: 'user-c' });

    expect(other.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it('clears every draft at sign-out, and nothing else', () => {
    const store = new Map<string, string>([
      [DRAFT_KEY, '{}'],
      [`${DRAFT_KEY}.workspace.x`, '{}'],
      ['task-board.other', 'kept'],
    ]);
    const storage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      removeItem: (k: string) => void store.delete(k),
    };

    clearDrafts(storage);

    expect([...store.keys()]).toEqual(['task-board.other']);
  });

  it('starts afresh from a corrupt draft', () => {
    const store = memoryStorage();
    store.setItem(DRAFT_KEY, '{not json');

    expect(loadDraft(store)).toMatchObject({ title: '', description: '' });
  });
});

describe('routes in the hash', () => {
  const id = '01JD7Z8Q3X5M2N4P6R8T0V2W4Y';
  it.each<Route>([
    { view: 'personal' },
    { view: 'assigned' },
    { view: 'workspace', workspaceId: id },
    { view: 'members', workspaceId: id },
  ])('reads back what it writes: $view', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('opens the personal board for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ view: 'personal' });
    expect(parseRoute(`#/workspaces/${id}/nope`)).toEqual({ view: 'personal' });
  });
});

describe('what the workspace screens offer each role (the server policy, forbidden only)', () => {
  it('offers invitations as any role to owners, never owner to admins, none to members', () => {
    expect(invitableRoles('owner')).toEqual(['owner', 'admin', 'member']);
    expect(invitableRoles('admin')).toEqual(['admin', 'member']);
    expect(invitableRoles('member')).toEqual([]);
  });

  it('offers role changes to owners only, and removing an owner to owners only', () => {
    expect(offers('owner', 'updateMember', { targetRole: 'member' })).toBe(true);
    expect(offers('admin', 'updateMember', { targetRole: 'member' })).toBe(false);
    expect(offers('admin', 'removeMember', { targetRole: 'member' })).toBe(true);
    expect(offers('admin', 'removeMember', { targetRole: 'owner' })).toBe(false);
    expect(offers('member', 'removeMember', { targetRole: 'member' })).toBe(false);
  });

  it('still offers what only the state refuses: the last owner may try to leave', () => {
    expect(offers('owner', 'leaveWorkspace', { otherOwners: 0 })).toBe(true);
    expect(offers('member', 'deleteWorkspace')).toBe(false);
  });
});
