/** A task's status in words, and as the options of a select. */
import type { TaskStatus } from '@task-api/sdk';
import { createElement } from 'preact';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
};

export const StatusOptions = () =>
  Object.entries(STATUS_LABELS).map(([value, label]) =>
    createElement('option', { key: value, value }, label),
  );
