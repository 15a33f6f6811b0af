/** The planning fields' rows in the edit form's conflict view (both versions, in words). */
import type { Due } from '@task-api/sdk';
import { localTimeZone } from '@task-api/sdk';
import type { ConflictRow } from '../tasks/TaskEditor.js';
import { formatDue } from './due.js';
import { type Planning, PRIORITY_LABELS } from './planning.js';
import { describeRepeat } from './repeat.js';

const dueText = (due: Due | null) => (due ? formatDue(due, new Date(), localTimeZone()) : '');
const repeatText = (rule: string | null) => (rule ? describeRepeat(rule) : 'does not repeat');

export const planningRows = (theirs: Planning, yours: Planning): ConflictRow[] => [
  { label: 'Due', theirs: dueText(theirs.due), yours: dueText(yours.due) },
  {
    label: 'Priority',
    theirs: PRIORITY_LABELS[theirs.priority],
    yours: PRIORITY_LABELS[yours.priority],
  },
  { label: 'Labels', theirs: theirs.labels.join(', '), yours: yours.labels.join(', ') },
  { label: 'Repeat', theirs: repeatText(theirs.recurrence), yours: repeatText(yours.recurrence) },
];
