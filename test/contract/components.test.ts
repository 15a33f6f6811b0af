/**
 * No two sections of `components` share a name: generators (openapi-generator, NSwag, ...) put
 * every component into one namespace and rename a clash (`TaskId` and `TaskId2`).
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi.js';

const components = loadSpec().components as unknown as Record<string, Record<string, unknown>>;

describe('component names', () => {
  it('gives each component a name no other section uses', () => {
    const sections = new Map<string, string[]>();
    for (const [section, entries] of Object.entries(components)) {
      for (const name of Object.keys(entries)) {
        sections.set(name, [...(sections.get(name) ?? []), section]);
      }
    }
    const shared = [...sections].filter(([, where]) => where.length > 1);
    expect(shared).toEqual([]);
  });

  it('names parameters by where they go (`...Path`, `...Query`, `...Header`)', () => {
    const parameters = components.parameters as Record<string, { in: string }>;
    for (const [name, p] of Object.entries(parameters)) {
      const suffix = `${p.in[0]?.toUpperCase()}${p.in.slice(1)}`;
      expect(name.endsWith(suffix), `${name} (in: ${p.in})`).toBe(true);
    }
  });
});
