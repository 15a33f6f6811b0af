/**
 * A task item's planning attributes as the containers write them (src/data/containers.ts): the
 * planning fields, the due instant and label keys the filters read, and the task's entries in the
 * due index (GSI2) and the agenda (GSI3). Only what a bare client must write; the floor bundles
 * stay free of the task rules.
 */
import { agendaPk, dueSk } from '../../../src/data/keys.js';
import { type Due, dueInstant } from '../../../src/tasks/due.js';

export function planAttributes(
  taskId: string,
  body: Record<string, unknown>,
  pk: string,
  agendaOf: string | null,
) {
  const due = body.due as Due | undefined;
  const dueAt = due ? dueInstant(due) : undefined;
  const labels = (body.labels as string[] | undefined) ?? [];
  const sk = dueSk(dueAt, taskId);
  return {
    priority: body.priority ?? 'none',
    labels,
    ...(due ? { due, due_at: dueAt } : {}),
    ...(body.recurrence ? { recurrence: body.recurrence } : {}),
    // As labelKey (src/tasks/task.ts), which would bring the task rules into the floor bundles.
    ...(labels.length > 0
      ? { label_keys: labels.map((l) => l.normalize('NFC').toLowerCase()) }
      : {}),
    GSI2PK: pk,
    GSI2SK: sk,
    ...(agendaOf ? { GSI3PK: agendaPk(agendaOf) } : {}),
    GSI3SK: sk,
  };
}
