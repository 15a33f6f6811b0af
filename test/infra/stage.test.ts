/**
 * Stages: `prod` and `dev` synthesize side by side as separate, complete stacks with their own
 * names; only prod retains its table and user pool and protects them from deletion.
 */
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { stage, stageFromContext } from '../../infra/stage.js';
import {
  type Json,
  nagViolations,
  OPERATIONS,
  operationFunctions,
  type Synthesized,
  synth,
} from './synth.js';

let both: Synthesized;
const only = (t: Json, type: string): Json => {
  const found = Object.values(t.findResources(type)) as Json[];
  expect(found, type).toHaveLength(1);
  return found[0] as Json;
};

beforeAll(() => {
  const prod = stage('prod');
  const dev = stage('dev');
  both = synth([
    { id: prod.stackName, props: { stage: prod.name } },
    { id: dev.stackName, props: { stage: dev.name } },
  ]);
});

describe('stages', () => {
  it('names each stage its own stack; prod keeps the name TaskApi', () => {
    expect(both.stacks.map((s) => s.stackName)).toEqual(['TaskApi', 'TaskApi-dev']);
    expect(stage('qa-2').stackName).toBe('TaskApi-qa-2');
  });

  it('are complete: each has its table, user pool, API, functions, alarms and dashboard', () => {
    for (const t of both.templates) {
      for (const [type, count] of [
        ['AWS::DynamoDB::Table', 1],
        ['AWS::Cognito::UserPool', 1],
        ['AWS::ApiGateway::RestApi', 1],
        ['AWS::CloudWatch::Dashboard', 1],
        ['AWS::SNS::Topic', 1],
      ] as const) {
        t.resourceCountIs(type, count);
      }
      expect(operationFunctions(t)).toHaveLength(OPERATIONS.length);
      expect(Object.keys(t.findResources('AWS::CloudWatch::Alarm')).length).toBeGreaterThan(8);
    }
  });

  it('use the stage name as the API Gateway stage, in ApiUrl, the dashboard and the metrics namespace', () => {
    both.templates.forEach((t, i) => {
      const name = ['prod', 'dev'][i] as string;
      expect(only(t, 'AWS::ApiGateway::Stage').Properties.StageName).toBe(name);
      expect(JSON.stringify(t.findOutputs('ApiUrl'))).toContain(`/${name}"`);
      expect(only(t, 'AWS::CloudWatch::Dashboard').Properties.DashboardName).toBe(
        `task-api-${name}`,
      );
      for (const fn of operationFunctions(t)) {
        expect(fn.Properties.Environment.Variables.METRICS_NAMESPACE).toBe(`TaskApi/${name}`);
      }
    });
  });

  it('retain and deletion-protect the table and user pool in prod only', () => {
    const [prod, dev] = both.templates as unknown as [Json, Json];
    const table = (t: Json) => only(t, 'AWS::DynamoDB::Table');
    const pool = (t: Json) => only(t, 'AWS::Cognito::UserPool');

    expect(table(prod)).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtectionEnabled: true },
    });
    expect(pool(prod)).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtection: 'ACTIVE' },
    });
    expect(table(dev).DeletionPolicy).toBe('Delete');
    expect(table(dev).Properties.DeletionProtectionEnabled).toBe(false);
    expect(pool(dev).DeletionPolicy).toBe('Delete');
    expect(pool(dev).Properties.DeletionProtection).toBe('INACTIVE');
  });

  it('pass cdk-nag side by side', () => {
    expect(nagViolations(both)).toEqual([]);
  });

  it('come from the stage context, prod when unset', () => {
    expect(stageFromContext(new App().node).name).toBe('prod');
    expect(stageFromContext(new App({ context: { stage: 'dev' } }).node)).toMatchObject({
      name: 'dev',
      stackName: 'TaskApi-dev',
      production: false,
    });
  });

  it.each(['', 'Prod', 'a b', 'x'.repeat(21), '1dev', 'dev_1'])(
    'refuses the stage name %j',
    (name) => {
      expect(() => stage(name)).toThrow(/^stage must be 1-20 lower-case letters/);
    },
  );
});
