/** What the person typed into "Add task", kept across reloads and failed sends until it is saved. */

export const DRAFT_KEY = 'task-board.draft';

export interface Draft {
  title: string;
  description: string;
  /** One per draft, so a retried create (lost answer, offline) is not created twice. */
  idempotencyKey: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyDraft(): Draft {
  return { title: '', description: '', idempotencyKey: crypto.randomUUID() };
}

export function loadDraft(store: Store = localStorage): Draft {
  try {
    const saved = JSON.parse(store.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    if (saved && typeof saved.title === 'string' && typeof saved.idempotencyKey === 'string') {
      return {
        title: saved.title,
        description: saved.description ?? '',
        idempotencyKey: saved.idempotencyKey,
      };
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
