/**
 * test/support/iam.ts evaluates statements as IAM does: wildcards in actions (case-insensitive)
 * and resources, NotAction, conditions, and an explicit Deny over any Allow
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import { describe, expect, it } from 'vitest';
import { allows, mayAllow, type Statement } from '../support/iam.js';

const TABLE = 'arn:aws:dynamodb:us-east-1:123456789012:table/Tasks';
const INDEX = `${TABLE}/index/GSI1`;
const allow = (actions: string[], resources: string[], extra: Partial<Statement> = {}) =>
  ({ effect: 'Allow', actions, resources, conditional: false, ...extra }) as Statement;

describe('policy evaluation', () => {
  it('matches action wildcards, in any case', () => {
    const s = [allow(['dynamodb:Get*', 'DynamoDB:query'], [TABLE])];
    expect(allows(s, 'dynamodb:GetItem', TABLE)).toBe(true);
    expect(allows(s, 'dynamodb:Query', TABLE)).toBe(true);
    expect(allows(s, 'dynamodb:PutItem', TABLE)).toBe(false);
    expect(allows([allow(['dynamodb:*'], ['*'])], 'dynamodb:DeleteItem', INDEX)).toBe(true);
    expect(allows([allow(['dynamodb:?etItem'], [TABLE])], 'dynamodb:GetItem', TABLE)).toBe(true);
  });

  it('matches resource wildcards, case-sensitively, and a table ARN is not its index', () => {
    const s = [allow(['dynamodb:Query'], [TABLE, `${TABLE}/index/*`])];
    expect(allows(s, 'dynamodb:Query', INDEX)).toBe(true);
    expect(allows([allow(['dynamodb:Query'], [TABLE])], 'dynamodb:Query', INDEX)).toBe(false);
    expect(allows(s, 'dynamodb:Query', TABLE.replace('Tasks', 'tasks'))).toBe(false);
  });

  it('reads NotAction, lets a Deny win, and counts a conditional Allow only as possible', () => {
    const notWrite = allow([], [TABLE], { actions: undefined, notActions: ['dynamodb:*Item'] });
    expect(allows([notWrite], 'dynamodb:Query', TABLE)).toBe(true);
    expect(allows([notWrite], 'dynamodb:PutItem', TABLE)).toBe(false);
    const deny = { ...allow(['dynamodb:PutItem'], [TABLE]), effect: 'Deny' } as Statement;
    expect(allows([allow(['dynamodb:*'], [TABLE]), deny], 'dynamodb:PutItem', TABLE)).toBe(false);
    const conditional = allow(['dynamodb:PutItem'], [TABLE], { conditional: true });
    expect(allows([conditional], 'dynamodb:PutItem', TABLE)).toBe(false);
    expect(mayAllow([conditional], 'dynamodb:PutItem', TABLE)).toBe(true);
  });
});
