/**
 * The contract's request rules for the mock: the API's own ajv validators, precompiled from
 * openapi.yaml (validate-*.generated.ts, written by `npm run generate`), given the request as
 * src/http/request.ts gives it, with their errors in the API's form (src/http/validation.ts).
 */
import type { FieldError } from '../types.js';
import type { createTask } from './validate-body.generated.js';

/** One export of validate-params.generated.ts or validate-body.generated.ts. */
export type Validator = typeof createTask;
type ValidationError = NonNullable<Validator['errors']>[number];

/** What the params validators check; after a pass, query strings are coerced and defaulted. */
export interface Params {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
}

const MAX_ERRORS = 20;

/** A copy of src/http/validation.ts `describe` (the SDK cannot import from the API). */
function describe(error: ValidationError, prefix: string): FieldError {
  const base = `${prefix}${error.instancePath}`;
  switch (error.keyword) {
    case 'required':
      return { path: `${base}/${error.params.missingProperty}`, message: 'is required' };
    case 'additionalProperties':
      return { path: `${base}/${error.params.additionalProperty}`, message: 'is not allowed' };
    case 'enum':
      return {
        path: base || '/',
        message: `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`,
      };
    default:
      return { path: base || '/', message: error.message ?? 'is invalid' };
  }
}

/** A copy of src/http/validation.ts `fieldErrors`: unique, at most 20. */
function fieldErrors(validator: Validator, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of validator.errors ?? []) {
    const field = describe(error, prefix);
    const id = `${field.path} ${field.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(field);
    if (out.length === MAX_ERRORS) break;
  }
  return out;
}

/**
 * An operation's path, query and header rules (validate-params.generated.ts), checked on
 * `{ path, query, headers }` built as the API builds it (src/http/request.ts): header names
 * lower-cased, a repeated query parameter refused outright.
 */
export function validateParams(
  validate: Validator,
  request: Request,
  path: Record<string, string> = {},
): { params: Params; errors: FieldError[] } {
  const search = new URL(request.url).searchParams;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const params: Params = { path: { ...path }, query: Object.fromEntries(search), headers };
  const repeated = [...new Set(search.keys())]
    .filter((name) => search.getAll(name).length > 1)
    .map((name) => ({ path: `/query/${name}`, message: 'must not be repeated' }));
  if (repeated.length > 0) return { params, errors: repeated };
  return { params, errors: validate(params) ? [] : fieldErrors(validate) };
}

/** An operation's JSON body rules (validate-body.generated.ts: TaskCreate, TaskUpdate). */
export function validateBody(validate: Validator, body: unknown): FieldError[] {
  return validate(body) ? [] : fieldErrors(validate, '/body');
}

/** RFC 9110 If-Match: `*` matches any current task; weak tags never match. */
export function ifMatchAllows(header: string | null, version: number): boolean {
  if (header === null || header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === `"${version}"`);
}
