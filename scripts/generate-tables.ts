/**
 * The contract's tables for code that needs values, not types: every operation (id, method,
 * path, tags, scope) and every bound a schema or parameter states. scripts/generate.ts writes
 * them into src/contract/; the API, its tests, the SDK and the web forms derive from them.
 */
import { operations, type Spec } from '../src/openapi.js';

type Json = Record<string, unknown>;

/** Acts on one workspace as its member: the path is under the workspace's own resource. */
const WORKSPACE_RESOURCE = '/workspaces/{workspaceId}';

export function operationRows(spec: Spec) {
  return operations(spec).map((op) => ({
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    tags: (op.operation.tags as string[] | undefined) ?? [],
    workspaceScoped: op.path === WORKSPACE_RESOURCE || op.path.startsWith(`${WORKSPACE_RESOURCE}/`),
  }));
}

export function operationsSource(spec: Spec): string {
  return `/**
 * Every operation of openapi.yaml, path by path. \`workspaceScoped\`: the operation acts on one
 * workspace as its member (its path is under ${WORKSPACE_RESOURCE}).
 */
export const OPERATIONS = ${literal(operationRows(spec))} as const;

export type Operation = (typeof OPERATIONS)[number];
export type OperationId = Operation['operationId'];
`;
}

const plain = (v: unknown) => typeof v !== 'object' || v === null;

/** JSON, with each array or object of plain values (or arrays of them) on one line. */
function literal(value: unknown, indent = ''): string {
  if (plain(value)) return JSON.stringify(value);
  const flat = Object.values(value as object).every(
    (v) => plain(v) || (Array.isArray(v) && v.every(plain)),
  );
  if (flat) return JSON.stringify(value).replace(/([,:])(?=\S)/g, '$1 ');
  const inner = `${indent}  `;
  const members = Array.isArray(value)
    ? value.map((v) => `${inner}${literal(v, inner)}`)
    : Object.entries(value as object).map(
        ([k, v]) => `${inner}${JSON.stringify(k)}: ${literal(v, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${members.join(',\n')}\n${indent}${close}`;
}

const BOUNDS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;
type Bounds = Partial<Record<(typeof BOUNDS)[number] | 'default', unknown>>;

/** A schema's own bounds merged with those it reaches by `$ref` and `allOf`: the tightest wins. */
function boundsOf(spec: Spec, schema: Json): Bounds {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = spec.components.schemas[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unknown $ref ${ref}`);
    return boundsOf(spec, target);
  }
  const out: Bounds = {};
  for (const part of [schema, ...((schema.allOf as Json[] | undefined) ?? [])]) {
    const own = part === schema ? schema : boundsOf(spec, part);
    for (const key of BOUNDS) {
      const value = own[key];
      if (typeof value !== 'number') continue;
      const current = out[key] as number | undefined;
      const tighter = key.startsWith('min') ? Math.max : Math.min;
      out[key] = current === undefined ? value : tighter(current, value);
    }
  }
  if (schema.default !== undefined && schema.type !== 'object') out.default = schema.default;
  return out;
}

const nonEmpty = (value: object) => Object.keys(value).length > 0;

/** An object schema's bounded properties, or a scalar schema's own bounds. */
function schemaLimits(spec: Spec, schema: Json): Json {
  const properties = schema.properties as Record<string, Json> | undefined;
  if (!properties) return boundsOf(spec, schema);
  return Object.fromEntries(
    Object.entries(properties)
      .map(([name, s]) => [name, boundsOf(spec, s)] as const)
      .filter(([, bounds]) => nonEmpty(bounds)),
  );
}

export function limitsOf(spec: Spec) {
  const schemas = Object.fromEntries(
    Object.entries(spec.components.schemas)
      .map(([name, s]) => [name, schemaLimits(spec, s)] as const)
      .filter(([, limits]) => nonEmpty(limits)),
  );
  const parameters = Object.fromEntries(
    Object.entries(spec.components.parameters)
      .map(([name, p]) => [name, p.schema ? boundsOf(spec, p.schema) : {}] as const)
      .filter(([, limits]) => nonEmpty(limits)),
  );
  return { schemas, parameters };
}

export function limitsSource(spec: Spec): string {
  return `/**
 * The bounds openapi.yaml states, \`$ref\` and \`allOf\` followed: per schema (an object's bounded
 * properties, or a scalar's own) and per parameter. Forms take their limits from here.
 */
export const LIMITS = ${literal(limitsOf(spec))} as const;
`;
}
