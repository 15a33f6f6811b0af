/** Checks a response against openapi.yaml: declared status, media type, body schema, headers. */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  DEFINITIONS_ID,
  deref,
  loadSpec,
  operations,
  rewriteRefs,
  type Spec,
} from '../../src/openapi.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface ResponseLike {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

const spec: Spec = loadSpec();
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: DEFINITIONS_ID, definitions: rewriteRefs(spec.components.schemas) });
const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: object): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(rewriteRefs(schema));
    compiled.set(key, v);
  }
  return v;
}

export const operationIds = operations(spec).map((o) => o.operationId);

/** Returns the list of ways the response breaks the contract (empty when it conforms). */
export function contractViolations(operationId: string, res: ResponseLike): string[] {
  const op = operations(spec).find((o) => o.operationId === operationId);
  if (!op) return [`unknown operation ${operationId}`];
  const declared = op.operation.responses[String(res.status)];
  if (!declared) return [`status ${res.status} is not declared for ${operationId}`];
  const response = deref(spec, declared) as {
    content?: Record<string, { schema: object }>;
    headers?: Record<string, { schema: object; required?: boolean } | { $ref: string }>;
  };
  const problems: string[] = [];
  const headers = Object.fromEntries(
    Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  for (const [name, h] of Object.entries(response.headers ?? {})) {
    const header = deref(spec, h) as unknown as { schema: object; required?: boolean };
    const value = headers[name.toLowerCase()];
    if (value === undefined) {
      if (header.required) problems.push(`header ${name} is missing`);
      continue;
    }
    const schema = header.schema as { type?: string };
    const typed = schema.type === 'integer' ? Number(value) : value;
    const v = validator(`${operationId} ${res.status} header ${name}`, header.schema);
    if (!v(typed)) problems.push(`header ${name}=${value}: ${ajv.errorsText(v.errors)}`);
  }
  const content = response.content;
  if (!content) {
    if (res.body !== '') problems.push(`status ${res.status} must have no body, got ${res.body}`);
    return problems;
  }
  const mediaType = headers['content-type']?.split(';')[0]?.trim();
  const media = mediaType ? content[mediaType] : undefined;
  if (!media) {
    problems.push(`content-type ${mediaType} is not declared for ${res.status}`);
    return problems;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    problems.push(`body is not JSON: ${res.body.slice(0, 200)}`);
    return problems;
  }
  const v = validator(`${operationId} ${res.status} ${mediaType}`, media.schema);
  if (!v(parsed)) problems.push(`body: ${ajv.errorsText(v.errors)} in ${res.body.slice(0, 300)}`);
  return problems;
}
