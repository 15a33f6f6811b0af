/** The web app's small rules, without a browser: password policy, field errors, config, drafts. */
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../web/src/auth/password.js';
import { parseConfig } from '../../web/src/config.js';
import { attempt, DRAFT_KEY, loadDraft, saveDraft } from '../../web/src/tasks/draft.js';
import { fieldErrors } from '../../web/src/ui/problems.js';
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

  it('starts afresh from a corrupt draft', () => {
    const store = memoryStorage();
    store.setItem(DRAFT_KEY, '{not json');

    expect(loadDraft(store)).toMatchObject({ title: '', description: '' });
  });
});
