/**
 * The web app's small rules, without a browser: password policy, field errors, config, drafts,
 * routes, and what each workspace role is offered.
 */
import { describe, expect, it } from 'vitest';
import { TaskApiNetworkError, TaskApiProblemError } from '../../sdk/src/index.js';
import { CognitoError } from '../../web/src/auth/cognito.js';
import { signInMessage } from '../../web/src/auth/messages.js';
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
import { failureMessage, fieldErrors, problemMessage } from '../../web/src/ui/problems.js';
import { fieldRule } from '../../web/src/ui/rules.js';
import { relativeTime } from '../../web/src/ui/time.js';
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

describe('field rules, read from the contract (openapi.yaml, through its compiled validators)', () => {
  it.each([
    {
      op: 'createTask',
      field: 'title',
      want: { required: true, minLength: 1, maxLength: 200, pattern: true },
    },
    {
      op: 'createTask',
      field: 'description',
      want: { required: false, maxLength: 4000, pattern: false },
    },
    {
      op: 'updateTask',
      field: 'title',
      want: { required: false, minLength: 1, maxLength: 200, pattern: true },
    },
    {
      op: 'inviteMember',
      field: 'email',
      want: { required: true, minLength: 3, maxLength: 254, pattern: true },
    },
    {
      op: 'createWorkspace',
      field: 'name',
      want: { required: true, minLength: 1, maxLength: 100, pattern: true },
    },
  ] as const)('$op $field', ({ op, field, want }) => {
    expect(fieldRule(op, field)).toEqual(want);
  });
});

describe('fieldErrors', () => {
  const refused = (...paths: string[]) => ({
    type: 'https://task-api.dev/problems/validation-error',
    title: 'Bad Request',
    status: 400,
    detail: 'the request does not match the contract',
    errors: paths.map((path) => ({ path, message: 'must NOT have fewer than 1 characters' })),
  });

  it.each([
    { name: 'an empty title', body: { title: '' }, want: 'Title is required' },
    { name: 'a blank title', body: { title: '  ' }, want: 'Title is required' },
    { name: 'a missing title', body: {}, want: 'Title is required' },
    {
      name: 'a long title',
      body: { title: 'x'.repeat(201) },
      want: 'Title can be at most 200 characters',
    },
  ])('tells $name in plain words from the rule and the value sent', ({ body, want }) => {
    expect(fieldErrors(refused('/body/title'), { operation: 'createTask', body })).toEqual({
      title: want,
    });
  });

  it('tells a malformed e-mail address by what it should look like', () => {
    const sent = { operation: 'inviteMember', body: { email: 'not-an-address' } } as const;

    expect(fieldErrors(refused('/body/email'), sent)).toEqual({
      email: 'Email must be an e-mail address, such as name@example.com',
    });
  });

  it("never shows the validator's words, and names only the body's own fields", () => {
    const problem = refused('/body/title', '/body/title', '/headers/idempotency-key');

    expect(fieldErrors(problem)).toEqual({ title: 'Title is not valid' });
    expect(problemMessage(problem)).toBe('Please correct the fields marked below.');
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

    expect(failureMessage(thrown)).toBe('Workspace 01JD7Z8Q3X5M2N4P6R8T0V2W4Y not found');
  });

  it('does not call a failed request "offline" unless the browser is', () => {
    const failed = new TaskApiNetworkError('GET', 'http://127.0.0.1:3000/tasks', 4, false, {
      cause: new TypeError('Failed to fetch'),
    });

    expect(failureMessage(failed)).toBe(
      'Cannot reach the server. Nothing you typed is lost: try again in a moment.',
    );
    expect(failureMessage(failed)).not.toMatch(/offline|online/);
  });
});

describe('signInMessage', () => {
  it.each(['NotAuthorizedException', 'UserNotFoundException'])(
    'says the same for %s, never whether the account exists',
    (code) => {
      expect(signInMessage(new CognitoError(code, 'User does not exist.'))).toBe(
        'Incorrect e-mail or password.',
      );
    },
  );

  it("shows Cognito's words for anything else", () => {
    expect(
      signInMessage(new CognitoError('UserNotConfirmedException', 'User is not confirmed.')),
    ).toBe('User is not confirmed.');
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it.each([
    { ago: 10_000, want: 'just now' },
    { ago: 2 * 60_000, want: '2 minutes ago' },
    { ago: 3 * 3_600_000, want: '3 hours ago' },
    { ago: 24 * 3_600_000, want: 'yesterday' },
    { ago: 14 * 86_400_000, want: '2 weeks ago' },
  ])('says $want', ({ ago, want }) => {
    expect(relativeTime(new Date(now.getTime() - ago), now, 'en')).toBe(want);
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
    { view: 'upcoming' },
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
