/**
 * What the person typed into "Add task", kept across reloads and failed sends until it is saved:
 * one draft per container (their own list, each workspace).
 */
import { emptyPlanning, type Planning, planningBody, readPlanning } from '../planning/planning.js';
import type { CreateBody } from './container.js';

/** The personal draft keeps the key earlier versions used; a workspace's adds its name. */
export const DRAFT_KEY = 'task-board.draft';

export const draftKey = (container: string) =>
  container === 'personal' ? DRAFT_KEY : `${DRAFT_KEY}.${container}`;

export interface Draft {
  title: string;
  description: string;
  /** A workspace task's assignee (a member's user id); null for none. */
  assignee: string | null;
  /** Due, priority, labels and repeat. */
  planning: Planning;
  /**
   * The Idempotency-Key each body was sent with, by `bodyText`: a retry of the same body reuses
   * its key, so a create whose answer was lost is not made twice; an edited body gets a new one,
   * since the API refuses a key sent again with another body (422 idempotency-key-reused).
   */
  sentKeys: Record<string, string>;
}

/** One send of the draft: the body, its key, and the draft that remembers the key. */
export interface Attempt {
  body: CreateBody;
  idempotencyKey: string;
  draft: Draft;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyDraft(): Draft {
  return { title: '', description: '', assignee: null, planning: emptyPlanning(), sentKeys: {} };
}

function createBody(
  draft: Pick<Draft, 'title' | 'description' | 'assignee' | 'planning'>,
): CreateBody {
  return {
    title: draft.title,
    ...(draft.description ? { description: draft.description } : {}),
    ...(draft.assignee ? { assignee: draft.assignee } : {}),
    ...planningBody(draft.planning),
  };
}

/**
 * A personal body's text is what earlier versions stored; an assignee is appended, then the
 * planning fields that are set (none: the text earlier versions made).
 */
const bodyText = ({ title, description, assignee, ...planning }: CreateBody) => {
  const text = assignee ? [title, description ?? '', assignee] : [title, description ?? ''];
  return JSON.stringify(Object.keys(planning).length > 0 ? [...text, planning] : text);
};

/** The body to send now and its key: the key this body was sent with before, else a new one. */
export function attempt(draft: Draft): Attempt {
  const body = createBody(draft);
  const text = bodyText(body);
  const idempotencyKey = draft.sentKeys[text] ?? crypto.randomUUID();
  return {
    body,
    idempotencyKey,
    draft: { ...draft, sentKeys: { ...draft.sentKeys, [text]: idempotencyKey } },
  };
}

export function loadDraft(store: Store = localStorage, container = 'personal'): Draft {
  try {
    const saved = JSON.parse(store.getItem(draftKey(container)) ?? 'null') as
      | (Partial<Draft> & { idempotencyKey?: unknown })
      | null;
    if (saved && typeof saved.title === 'string') {
      const draft = {
        title: saved.title,
        description: saved.description ?? '',
        assignee: typeof saved.assignee === 'string' ? saved.assignee : null,
        planning: readPlanning((saved.planning ?? {}) as Record<string, unknown>),
      };
      const sentKeys: Record<string, string> = {};
      for (const [text, key] of Object.entries(saved.sentKeys ?? {})) {
        if (typeof key === 'string') sentKeys[text] = key;
      }
      // An earlier version's draft had one key for whatever it held: keep it for that body.
      if (typeof saved.idempotencyKey === 'string') {
        sentKeys[bodyText(createBody(draft))] ??= saved.idempotencyKey;
      }
      return { ...draft, sentKeys };
    }
  } catch {
    // A corrupt draft is dropped, not fatal.
  }
  return emptyDraft();
}

export function saveDraft(draft: Draft, store: Store = localStorage, container = 'personal'): void {
  const key = draftKey(container);
  const planned = Object.keys(planningBody(draft.planning)).length > 0;
  if (draft.title || draft.description || planned) store.setItem(key, JSON.stringify(draft));
  else store.removeItem(key);
}

/** At sign-out: nobody's drafts stay for the next person at the computer. */
export function clearDrafts(store: Pick<Storage, 'key' | 'length' | 'removeItem'> = localStorage) {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key === DRAFT_KEY || key?.startsWith(`${DRAFT_KEY}.`)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
