/**
 * Every string and integer the contract names, requests and responses alike, is bounded, so
 * the spec says what the API will ever accept or send (docs/architecture.md#the-contract).
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi.js';

type Json = Record<string, unknown>;
const spec = loadSpec();

/** Every schema in the spec with where it sits, following properties, items and compositions. */
function schemasOf(node: unknown, at: string, out: Array<[string, Json]> = []) {
  if (typeof node !== 'object' || node === null) return out;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) schemasOf(n, `${at}/${i}`, out);
    return out;
  }
  const obj = node as Json;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === 'schema' || key === 'items' || key === 'additionalProperties') {
      if (typeof value === 'object' && value !== null) out.push([`${at}/${key}`, value as Json]);
    }
    if (key === 'properties' || key === 'schemas') {
      for (const [name, s] of Object.entries(value as Json))
        out.push([`${at}/${key}/${name}`, s as Json]);
    }
    schemasOf(value, `${at}/${key}`, out);
  }
  return out;
}

/** A pattern that only matches strings of one length: anchored, with no open quantifier. */
const fixedLength = (pattern: unknown) =>
  typeof pattern === 'string' &&
  pattern.startsWith('^') &&
  pattern.endsWith('$') &&
  !/[*+?|]|\{\d+,\d*\}/.test(pattern.replace(/\\./g, ''));

const schemas = schemasOf(spec, '#').filter(([, s]) => s.$ref === undefined);

describe('bounds', () => {
  it.each(schemas.filter(([, s]) => s.type === 'string').map(([at, schema]) => ({ at, schema })))(
    'string $at has a maxLength, an enum or a fixed-length pattern',
    ({ schema }) => {
      const bounded =
        typeof schema.maxLength === 'number' ||
        Array.isArray(schema.enum) ||
        fixedLength(schema.pattern);
      expect(bounded).toBe(true);
    },
  );

  it.each(schemas.filter(([, s]) => s.type === 'integer').map(([at, schema]) => ({ at, schema })))(
    'integer $at has a minimum and a maximum',
    ({ schema }) => {
      expect(typeof schema.minimum).toBe('number');
      expect(typeof schema.maximum).toBe('number');
    },
  );

  it('finds the schemas it checks (the walk reaches responses and headers)', () => {
    const places = schemas.map(([at]) => at).join('\n');
    expect(places).toContain('#/components/headers/ETag/schema');
    expect(places).toContain('#/components/schemas/Problem/properties/detail');
    expect(places).toContain('#/components/parameters/LimitQuery/schema');
  });
});
