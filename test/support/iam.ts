/**
 * What a function's execution role allows, read from a synthesized template: the statements of
 * the AWS::IAM::Policy resources attached to it and of its inline policies, evaluated as IAM
 * does for one action on one resource. An explicit Deny wins over any Allow
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import { type Json, type Resolver, resourcesOf, wildcardMatch } from './cfn.js';

export interface Statement {
  effect: 'Allow' | 'Deny';
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  /** A statement with a Condition may or may not apply: the rehearsal cannot tell. */
  conditional: boolean;
}

export interface RolePolicy {
  role: string;
  statements: Statement[];
  /** Managed policies (not in the template): their ARNs as resolved. */
  managedPolicyArns: string[];
}

const list = (value: unknown, resolve: (v: unknown) => string) =>
  value === undefined ? undefined : [value].flat().map(resolve);

function statementsOf(document: Json, resolve: (v: unknown) => string): Statement[] {
  return [document.Statement].flat().map((s: Json) => ({
    effect: s.Effect,
    actions: list(s.Action, resolve),
    notActions: list(s.NotAction, resolve),
    resources: list(s.Resource, resolve),
    notResources: list(s.NotResource, resolve),
    conditional: s.Condition !== undefined,
  }));
}

/** The execution role of a function and everything the template attaches to it. */
export function functionRolePolicy(template: Json, functionId: string, r: Resolver): RolePolicy {
  const fn = template.Resources[functionId];
  const role = r.target(fn?.Properties?.Role);
  if (!role) throw new Error(`function ${functionId} names no role of this template`);
  const roleProps = template.Resources[role].Properties as Json;
  const attached = resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles ?? []).some((ref: Json) => r.target(ref) === role))
    .map(([, p]) => p.Properties.PolicyDocument);
  const inline = (roleProps.Policies ?? []).map((p: Json) => p.PolicyDocument);
  return {
    role,
    statements: [...attached, ...inline].flatMap((d) => statementsOf(d, r.resolve)),
    managedPolicyArns: (roleProps.ManagedPolicyArns ?? []).map(r.resolve),
  };
}

function applies(s: Statement, action: string, resource: string): boolean {
  const actionMatches = s.actions
    ? s.actions.some((p) => wildcardMatch(p, action, true))
    : !(s.notActions ?? []).some((p) => wildcardMatch(p, action, true));
  const resourceMatches = s.resources
    ? s.resources.some((p) => wildcardMatch(p, resource))
    : !(s.notResources ?? []).some((p) => wildcardMatch(p, resource));
  return actionMatches && resourceMatches;
}

/** Certainly allowed: an unconditional Allow applies and no Deny does. */
export function allows(statements: Statement[], action: string, resource: string): boolean {
  const matching = statements.filter((s) => applies(s, action, resource));
  return (
    matching.some((s) => s.effect === 'Allow' && !s.conditional) &&
    !matching.some((s) => s.effect === 'Deny')
  );
}

/** Possibly allowed: some Allow applies (conditions assumed met) and no unconditional Deny. */
export function mayAllow(statements: Statement[], action: string, resource: string): boolean {
  const matching = statements.filter((s) => applies(s, action, resource));
  return (
    matching.some((s) => s.effect === 'Allow') &&
    !matching.some((s) => s.effect === 'Deny' && !s.conditional)
  );
}
