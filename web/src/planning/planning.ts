/** A task's planning fields (due, priority, labels, recurrence) as the forms hold and send them. */
import type { Due, Priority } from '@task-api/sdk';

export interface Planning {
  due: Due | null;
  priority: Priority;
  labels: string[];
  recurrence: string | null;
}

export const PRIORITY_LABELS: Record<Priority, string> = {
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export const emptyPlanning = (): Planning => ({
  due: null,
  priority: 'none',
  labels: [],
  recurrence: null,
});

export const planningOf = (task: Planning): Planning => ({
  due: task.due,
  priority: task.priority,
  labels: task.labels,
  recurrence: task.recurrence,
});

/** A create's planning fields: only those set (the API's defaults are the rest). */
export function planningBody(p: Planning): Partial<Planning> {
  return {
    ...(p.due ? { due: p.due } : {}),
    ...(p.priority !== 'none' ? { priority: p.priority } : {}),
    ...(p.labels.length > 0 ? { labels: p.labels } : {}),
    ...(p.recurrence ? { recurrence: p.recurrence } : {}),
  };
}

/** A planning draft read back from storage: anything malformed is the default. */
export function readPlanning(saved: Record<string, unknown>): Planning {
  const out = emptyPlanning();
  const due = saved.due as Due | null | undefined;
  if (due && typeof due === 'object' && typeof due.date === 'string') out.due = due;
  if (typeof saved.priority === 'string' && saved.priority in PRIORITY_LABELS) {
    out.priority = saved.priority as Priority;
  }
  if (Array.isArray(saved.labels)) out.labels = saved.labels.filter((l) => typeof l === 'string');
  if (typeof saved.recurrence === 'string' && out.due) out.recurrence = saved.recurrence;
  return out;
}

/** Whether a task has a label, compared as the API compares them (regardless of case). */
export const hasLabel = (task: Pick<Planning, 'labels'>, label: string) => {
  const key = label.normalize('NFC').toLowerCase();
  return task.labels.some((l) => l.normalize('NFC').toLowerCase() === key);
};

/** This change completed a repeating task: the API has made its next occurrence. */
export const madeNextOccurrence = (
  before: (Pick<Planning, 'recurrence'> & { status: string }) | undefined,
  after: { status: string },
) => !!before?.recurrence && before.status !== 'completed' && after.status === 'completed';
