/** The Markdown reading the docs tests rely on: GitHub's anchors and the tables. */
import { describe, expect, it } from 'vitest';
import { namesIn, slug, tableNames, tableRows } from './markdown.js';

describe('docs tables', () => {
  it('reads every row of the first table under a heading, and only that table', () => {
    const rows = tableRows('docs/configuration.md', '## The local stack');

    expect(rows[0]?.[0]).toBe('`PORT`, `DYNAMODB_PORT`, `COGNITO_PORT`, `WEB_PORT`');
    expect(rows.map(([name]) => name)).not.toContain('`TABLE_NAME`');
  });

  it('takes the names of the first column, one per code span', () => {
    expect(namesIn('`waf=true` (`wafRateLimit=<n>`), `x`')).toEqual(['waf', 'wafRateLimit', 'x']);
    expect(namesIn('the `-c` flag, `<n>`')).toEqual([]);
    expect(tableNames('docs/configuration.md', '## The handlers')).toContain('MAX_TASKS_PER_USER');
  });

  it('refuses a heading the page does not have', () => {
    expect(() => tableRows('docs/configuration.md', '## No such section')).toThrow(
      'docs/configuration.md has no heading ## No such section',
    );
  });
});

describe('slug', () => {
  it.each([
    [
      'Try it locally: sign up, sign in, create and list tasks',
      'try-it-locally-sign-up-sign-in-create-and-list-tasks',
    ],
    ['Testing with `@task-api/sdk/msw`', 'testing-with-task-apisdkmsw'],
    [
      'Capacity of the status index (computed, not measured)',
      'capacity-of-the-status-index-computed-not-measured',
    ],
    ['createTask — `POST /tasks`', 'createtask--post-tasks'],
    ['[Links](x.md) and **bold**', 'links-and-bold'],
  ])('of %s is %s', (heading, anchor) => {
    expect(slug(heading)).toBe(anchor);
  });
});
