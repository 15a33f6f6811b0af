/**
 * Schemas, parameters and media types as API Gateway's importer accepts them: models are JSON
 * Schema draft 4, and only by dropping constraints, so the gateway is never stricter than the
 * contract (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html).
 */
import { deref, type Spec } from '../../src/openapi.js';

type Json = Record<string, unknown>;

/** Keywords dropped from every schema the gateway imports. */
export const UNSUPPORTED_SCHEMA_KEYWORDS = [
  'example',
  'examples',
  'default',
  'readOnly',
  'writeOnly',
  'discriminator',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'deprecated',
  'xml',
  'externalDocs',
] as const;

/** String formats JSON Schema draft 4 defines; every other `format` is dropped. */
const DRAFT4_STRING_FORMATS = new Set(['date-time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri']);

/**
 * Parameter and header objects: the importer uses only name, in, required, description and the
 * schema's type ("other attributes are ignored"), so the schema shrinks to its type.
 */
export function sanitizeParameter(spec: Spec, p: Json): Json {
  const { example: _e, examples: _es, schema, ...rest } = p;
  if (!isObject(schema)) return rest;
  const ref = schema.$ref;
  const target =
    typeof ref === 'string'
      ? spec.components.schemas[ref.replace('#/components/schemas/', '')]
      : schema;
  if (!target) throw new Error(`unknown $ref ${String(ref)}`);
  return target.type === undefined ? rest : { ...rest, schema: { type: target.type } };
}

export function sanitizeContent(spec: Spec, content: unknown): Json {
  return Object.fromEntries(
    Object.entries(content as Json).map(([type, media]) => {
      const { example: _e, examples: _es, ...rest } = deref(spec, media);
      if (rest.schema) rest.schema = sanitizeSchema(rest.schema as Json);
      return [type, rest];
    }),
  );
}

/** A schema the importer accepts, never stricter than the original. */
export function sanitizeSchema(schema: Json): Json {
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((UNSUPPORTED_SCHEMA_KEYWORDS as readonly string[]).includes(key)) continue;
    if (
      key === 'format' &&
      !(schema.type === 'string' && DRAFT4_STRING_FORMATS.has(String(value)))
    ) {
      continue;
    }
    if (key === 'nullable') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([name, s]) => [name, sanitizeSchema(s as Json)]),
      );
    } else if (
      key === 'items' ||
      key === 'not' ||
      (key === 'additionalProperties' && isObject(value))
    ) {
      out[key] = sanitizeSchema(value as Json);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as Json[]).map(sanitizeSchema);
    } else {
      out[key] = value;
    }
  }
  // OpenAPI's `nullable` has no draft 4 keyword; a type list keeps null allowed.
  if (schema.nullable === true && typeof schema.type === 'string') out.type = [schema.type, 'null'];
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
