/** The problem catalogue (src/contract/problems.ts) and the spec agree; every type URI resolves. */
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../src/contract/field-errors.js';
import {
  GATEWAY_RESPONSES,
  PROBLEM_SLUGS,
  PROBLEM_TEXT_MAX,
  PROBLEMS,
  problemBody,
  problemSlugOf,
  problemType,
} from '../../src/contract/problems.js';
import { createTask } from '../../src/contract/validate-body.generated.js';
import { loadSpec } from '../../src/openapi.js';

const spec = loadSpec();
const description = String((spec.info as { description: string }).description);
const section = description.slice(description.indexOf('# Problem types'));

describe('problem catalogue', () => {
  it.each(PROBLEM_SLUGS.map((slug) => ({ slug })))(
    "documents $slug under the spec's Problem types heading (its type URI's anchor)",
    ({ slug }) => {
      const { status, title } = PROBLEMS[slug];
      expect(section).toMatch(
        new RegExp(`^## ${slug}\\n\\n\\*\\*${status} ${title}\\.\\*\\*`, 'm'),
      );
    },
  );

  it('documents no problem type the catalogue lacks', () => {
    const headings = [...section.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    expect(headings.sort()).toEqual([...PROBLEM_SLUGS].sort());
  });

  it("uses the catalogue's type, title and status in every error example of the spec", () => {
    const examples = Object.entries(spec.components.responses).flatMap(([name, response]) => {
      const content = (response as { content?: Record<string, { example?: unknown }> }).content;
      const example = content?.['application/problem+json']?.example as
        | { type: string; title: string; status: number }
        | undefined;
      return example ? [{ name, example }] : [];
    });
    expect(examples.length).toBeGreaterThan(0);
    for (const { name, example } of examples) {
      const slug = problemSlugOf(example.type);
      expect(slug, name).toBeDefined();
      if (!slug) continue;
      expect(example, name).toMatchObject({ type: problemType(slug), ...PROBLEMS[slug] });
    }
  });

  it('names its slug back from a type URI on any base, and nothing from other URIs', () => {
    expect(problemSlugOf(problemType('throttled', 'https://docs.example.org/api'))).toBe(
      'throttled',
    );
    expect(problemSlugOf('about:blank')).toBeUndefined();
    expect(problemSlugOf('/docs#section/problem-types/no-such-type')).toBeUndefined();
  });

  it('maps every gateway response to a catalogued problem', () => {
    for (const [type, p] of Object.entries(GATEWAY_RESPONSES)) {
      expect(PROBLEM_SLUGS, type).toContain(p.slug);
    }
  });
});

describe('problem text stays within the spec', () => {
  it('cuts a detail that echoes a long input to the bound', () => {
    const body = problemBody(
      'unsupported-media-type',
      `content-type must be json, got ${'x'.repeat(5000)}`,
    );
    expect(body.detail.length).toBe(PROBLEM_TEXT_MAX);
  });

  it("cuts a field error's path naming a made-up property of any length", () => {
    expect(createTask({ title: 'a', ['p'.repeat(5000)]: 1 })).toBe(false);
    const [error] = fieldErrors(createTask, '/body');
    expect(error?.message).toBe('is not allowed');
    expect(error?.path.length).toBe(PROBLEM_TEXT_MAX);
  });
});
