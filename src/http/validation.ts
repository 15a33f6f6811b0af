/** Turns ajv's errors from the precompiled validators into the contract's `errors[]`. */
import type { ErrorObject } from 'ajv';
import type { FieldError } from './errors.js';

/** A precompiled standalone validator (src/http/validate-*.generated.ts). */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const MAX_ERRORS = 20;

function describe(error: ErrorObject, prefix: string): FieldError {
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

export function fieldErrors(validator: Validator, prefix = ''): FieldError[] {
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
