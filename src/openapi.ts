/** Reads openapi.yaml for build-time and local tooling (never bundled into a Lambda). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const SPEC_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Json = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
  $ref?: string;
}

export interface SpecOperation {
  operationId: string;
  parameters?: SpecParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export interface Spec {
  openapi: string;
  paths: Record<string, Record<string, unknown> & { parameters?: SpecParameter[] }>;
  components: {
    schemas: Record<string, Json>;
    parameters: Record<string, SpecParameter>;
    responses: Record<string, Json>;
    headers: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
  [key: string]: unknown;
}

export function loadSpec(path = SPEC_PATH): Spec {
  return parse(readFileSync(path, 'utf8')) as Spec;
}

export interface OperationEntry {
  operationId: string;
  method: HttpMethod;
  path: string;
  operation: SpecOperation;
  parameters: SpecParameter[];
}

/** Every operation with its path-level and operation-level parameters resolved. */
export function operations(spec: Spec): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as SpecOperation | undefined;
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
        resolveParameter(spec, p),
      );
      out.push({ operationId: operation.operationId, method, path, operation, parameters });
    }
  }
  return out;
}

function resolveParameter(spec: Spec, p: SpecParameter): SpecParameter {
  return deref(spec, p) as unknown as SpecParameter;
}

/** Follows `$ref`s to components (parameters, responses, headers, request bodies). */
export function deref(spec: Spec, value: unknown): Json {
  const v = value as Json;
  const ref = v.$ref;
  if (typeof ref !== 'string') return v;
  const match = /^#\/components\/(parameters|responses|headers|requestBodies)\/([^/]+)$/.exec(ref);
  if (!match) throw new Error(`unsupported $ref ${ref}`);
  const group = (spec.components as unknown as Record<string, Json | undefined>)[
    match[1] as string
  ];
  const target = group?.[match[2] as string];
  if (!target) throw new Error(`unknown $ref ${ref}`);
  return deref(spec, target);
}

/**
 * CORS from the contract: the request headers a browser may send (the security scheme's and
 * every header parameter, plus Content-Type) and the response headers it may read.
 * The AWS stack and the local gateway both answer with these.
 */
export function corsHeaderNames(spec: Spec): { allow: string[]; expose: string[] } {
  const allow = new Set<string>(['Content-Type']);
  for (const scheme of Object.values(spec.components.securitySchemes)) {
    if (scheme.in === 'header') allow.add(String(scheme.name));
  }
  const expose = new Set<string>();
  for (const op of operations(spec)) {
    for (const p of op.parameters) if (p.in === 'header') allow.add(p.name);
    for (const response of Object.values(op.operation.responses)) {
      for (const name of Object.keys((deref(spec, response).headers as Json | undefined) ?? {})) {
        expose.add(name);
      }
    }
  }
  return { allow: [...allow], expose: [...expose] };
}

export const DEFINITIONS_ID = 'defs';

/** Rewrites `#/components/schemas/X` refs so the schemas work inside one ajv definitions schema. */
export function rewriteRefs<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${DEFINITIONS_ID}#/definitions/`),
  ) as T;
}

export interface RequestSchemas {
  definitions: Json;
  operations: Record<string, { params: Json; body?: Json }>;
}

/**
 * One JSON schema per operation for `{ path, query, headers }` (header names lower-cased,
 * undeclared query parameters refused) and one for the JSON body.
 */
export function buildRequestSchemas(spec: Spec): RequestSchemas {
  const result: RequestSchemas = {
    definitions: { $id: DEFINITIONS_ID, definitions: rewriteRefs(spec.components.schemas) },
    operations: {},
  };
  for (const op of operations(spec)) {
    const part = (location: SpecParameter['in'], additional: boolean) => {
      const ps = op.parameters.filter((p) => p.in === location);
      const key = (p: SpecParameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
      return {
        type: 'object',
        additionalProperties: additional,
        properties: Object.fromEntries(ps.map((p) => [key(p), rewriteRefs(p.schema ?? {})])),
        required: ps.filter((p) => p.required).map(key),
      };
    };
    const params = {
      type: 'object',
      required: ['path', 'query', 'headers'],
      properties: {
        path: part('path', false),
        query: part('query', false),
        headers: part('header', true),
      },
    };
    const bodySchema = op.operation.requestBody?.content['application/json']?.schema;
    result.operations[op.operationId] = {
      params,
      ...(bodySchema ? { body: rewriteRefs(bodySchema) } : {}),
    };
  }
  return result;
}
