/** Conditions of a write that follows a read or an If-Match (docs/architecture.md#the-data-model). */
import type { Precondition } from '../tasks/task.js';

/** `attribute_exists(PK)`, plus `version IN (...)` for an If-Match naming versions. */
export function condition(precondition: Precondition | undefined, extra = '') {
  const base = `attribute_exists(PK)${extra}`;
  if (precondition?.kind !== 'versions') return { expression: base, values: {} };
  const names = precondition.versions.map((_, i) => `:v${i}`);
  return {
    expression: `${base} AND version IN (${names.join(', ')})`,
    values: Object.fromEntries(precondition.versions.map((v, i) => [`:v${i}`, v])),
  };
}

export const matches = (precondition: Precondition | undefined, version: number) =>
  precondition?.kind !== 'versions' || precondition.versions.includes(version);
