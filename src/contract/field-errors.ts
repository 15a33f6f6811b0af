/**
 * Turns the precompiled validators' errors (validate-*.generated.ts) into the contract's
 * `errors[]`: one shaping for the API and the SDK's mock, so both name a bad field alike.
 */
import type { components } from './api.generated.js';
import { clip } from './problems.js';
import type { createTask } from './validate-body.generated.js';

export type FieldError = components['schemas']['FieldError'];

/** One export of validate-params.generated.ts or validate-body.generated.ts. */
export type Validator = typeof createTask;
type ValidationError = NonNullable<Validator['errors']>[number];

/** The contract's `errors` array is bounded; a body can break many rules at once. */
export const MAX_FIELD_ERRORS = 20;

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

/** The validator's last errors as field errors: unique, at most MAX_FIELD_ERRORS. */
export function fieldErrors(validator: Validator, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of validator.errors ?? []) {
    const { path, message } = describe(error, prefix);
    // A path can name a property the client made up, of any length.
    const field = { path: clip(path), message: clip(message) };
    const id = `${field.path} ${field.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(field);
    if (out.length === MAX_FIELD_ERRORS) break;
  }
  return out;
}
