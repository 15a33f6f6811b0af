/** What the person typed into "Add task", kept across reloads and failed sends until it is saved. */

export const DRAFT_KEY = 'task-board.draft';

export interface Draft {
  title: string;
  description: string;
  /**
   * The Idempotency-Key each body was sent with, by `bodyText`: a retry of the same body reuses
   * its key, so a create whose answer was lost is not made twice; an edited body gets a new one,
   * since the API refuses a key sent again with another body (422 idempotency-key-reused).
   */
  sentKeys: Record<string, string>;
}

/** The body POST /tasks gets for a draft. */
export interface CreateBody {
  title: string;
  description?: string;
}

/** One send of the draft: the body, its key, and the draft that remembers the key. */
export interface Attempt {
  body: CreateBody;
  idempotencyKey: string;
  draft: Draft;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyDraft(): Draft {
  return { title: '', description: '', sentKeys: {} };
}

function createBody(draft: Pick<Draft, 'title' | 'description'>): CreateBody {
  return { title: draft.title, ...(draft.description ? { description: draft.description } : {}) };
}

const bodyText = (body: CreateBody) => JSON.stringify([body.title, body.description ?? '']);

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

export function loadDraft(store: Store = localStorage): Draft {
  try {
    const saved = JSON.parse(store.getItem(DRAFT_KEY) ?? 'null') as
      | (Partial<Draft> & { idempotencyKey?: unknown })
      | null;
    if (saved && typeof saved.title === 'string') {
      const draft = { title: saved.title, description: saved.description ?? '' };
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

export function saveDraft(draft: Draft, store: Store = localStorage): void {
  if (draft.title || draft.description) store.setItem(DRAFT_KEY, JSON.stringify(draft));
  else store.removeItem(DRAFT_KEY);
}
