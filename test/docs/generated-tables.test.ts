/**
 * docs/api.md's operations and problem-types tables are what scripts/docs-tables.ts makes from
 * openapi.yaml and the problem catalogue (`npm run generate` writes them), and they name every
 * operation and every problem type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiPage, problemTypesTable, staleDocs, withTable } from '../../scripts/docs-tables.js';
import { PROBLEM_SLUGS, PROBLEMS } from '../../src/contract/problems.js';
import { loadSpec, operations } from '../../src/openapi.js';
import { ROOT } from '../support/repository.js';
import { tableRows } from './markdown.js';

const spec = loadSpec();

describe('the tables of docs/api.md', () => {
  it('are in sync with openapi.yaml and the problem catalogue (run `npm run generate`)', () => {
    expect(staleDocs()).toEqual([]);
  });

  it('list every operation with its method and path', () => {
    const rows = tableRows('docs/api.md', '## Operations').map(([id = '', route = '']) => [
      id,
      route,
    ]);
    expect(rows).toEqual(
      operations(spec).map((o) => [
        `\`${o.operationId}\``,
        `\`${o.method.toUpperCase()} ${o.path}\``,
      ]),
    );
  });

  it('list every problem type of the catalogue with its status and title', () => {
    const rows = tableRows('docs/api.md', '## Problem types').map(([type, status, title]) => [
      type,
      status,
      title,
    ]);
    expect(rows).toEqual(
      PROBLEM_SLUGS.map((slug) => [
        `\`${slug}\``,
        String(PROBLEMS[slug].status),
        PROBLEMS[slug].title,
      ]),
    );
  });

  it('are rewritten when they go stale: a row dropped by hand comes back', () => {
    const page = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
    const edited = page.replace(/^\| `task-limit-reached` .*\n/m, '');
    expect(edited).not.toBe(page);

    expect(apiPage(edited)).toBe(page);
  });

  it('refuses a catalogue entry the spec does not describe', () => {
    const bare = { ...spec, info: { ...(spec.info as object), description: '# Problem types\n' } };
    expect(() => problemTypesTable(bare)).toThrow(
      "openapi.yaml's Problem types section has no entry for validation-error",
    );
  });

  it('refuses a page without the markers', () => {
    expect(() => withTable('# no markers\n', 'operations', '| x |')).toThrow(
      'no markers for the operations table',
    );
  });
});
