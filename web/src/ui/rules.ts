/**
 * What the contract says of a request body's field (required, its length limits, a pattern),
 * and what a person reads when a value breaks it. Whether a field is required or patterned comes
 * from the API's own request validators (src/contract/validate-body.generated.ts, compiled from
 * openapi.yaml), asked once per field with probe values; its lengths from the contract's limits
 * (LIMITS, `$ref` and `allOf` followed to the tightest bound): `fieldRule` is the one place that
 * reads them.
 */
import { LIMITS } from '../../../src/contract/limits.generated.js';
import {
  createTask,
  createWorkspace,
  createWorkspaceTask,
  inviteMember,
  renameWorkspace,
  updateTask,
  updateWorkspaceTask,
} from '../../../src/contract/validate-body.generated.js';

/** The operations whose bodies the forms send, by operationId. */
const validators = {
  createTask,
  updateTask,
  createWorkspaceTask,
  updateWorkspaceTask,
  createWorkspace,
  renameWorkspace,
  inviteMember,
};
export type BodyOperation = keyof typeof validators;

/** Each operation's request body schema, whose limits the contract states. */
const BODIES = {
  createTask: 'TaskCreate',
  updateTask: 'TaskUpdate',
  createWorkspaceTask: 'WorkspaceTaskCreate',
  updateWorkspaceTask: 'WorkspaceTaskUpdate',
  createWorkspace: 'WorkspaceCreate',
  renameWorkspace: 'WorkspaceUpdate',
  inviteMember: 'MemberInvite',
} as const satisfies Record<BodyOperation, keyof typeof LIMITS.schemas>;

type Bounds = { minLength?: number; maxLength?: number };

export interface FieldRule {
  required: boolean;
  minLength?: number;
  maxLength?: number;
  /** The value must also match a pattern (not blank, an e-mail address). */
  pattern: boolean;
}

const cache = new Map<string, FieldRule>();

export function fieldRule(operation: BodyOperation, field: string): FieldRule {
  const id = `${operation} ${field}`;
  const known = cache.get(id);
  if (known) return known;
  const validate = validators[operation];
  const errorsOf = (body: unknown) => {
    validate(body);
    return validate.errors ?? [];
  };
  const at = (body: unknown, keyword: string) =>
    errorsOf(body).find((e) => e.instancePath === `/${field}` && e.keyword === keyword);
  const rule: FieldRule = {
    required: errorsOf({}).some(
      (e) => e.keyword === 'required' && e.params.missingProperty === field,
    ),
    pattern: at({ [field]: '' }, 'pattern') !== undefined,
  };
  const bounds = (LIMITS.schemas[BODIES[operation]] as Record<string, Bounds>)[field] ?? {};
  if (bounds.minLength !== undefined) rule.minLength = bounds.minLength;
  if (bounds.maxLength !== undefined) rule.maxLength = bounds.maxLength;
  cache.set(id, rule);
  return rule;
}

/** A field must be filled in: required, or at least one character whenever it is sent. */
export const mustFill = (rule: FieldRule) => rule.required || (rule.minLength ?? 0) > 0;

/** What a value that breaks a field's pattern should look like (openapi.yaml's descriptions). */
const SHAPES: Record<string, string> = {
  email: 'must be an e-mail address, such as name@example.com',
};

export const fieldLabel = (field: string) =>
  field.charAt(0).toUpperCase() + field.slice(1).replaceAll('_', ' ');

/** Length as the contract counts it: in code points. */
const lengthOf = (value: string) => [...value].length;

/** Plain words for a field the API refused, from its rule and the value that was sent. */
export function fieldMessage(operation: BodyOperation, field: string, value: unknown): string {
  const rule = fieldRule(operation, field);
  const label = fieldLabel(field);
  const text = typeof value === 'string' ? value : '';
  if (text.trim() === '' && mustFill(rule)) return `${label} is required`;
  if (rule.maxLength !== undefined && lengthOf(text) > rule.maxLength) {
    return `${label} can be at most ${rule.maxLength} characters`;
  }
  if (rule.minLength !== undefined && lengthOf(text) < rule.minLength) {
    return `${label} needs at least ${rule.minLength} characters`;
  }
  return `${label} ${SHAPES[field] ?? 'is not valid'}`;
}
