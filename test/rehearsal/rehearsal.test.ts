/**
 * The synthesized template held to what the code does in a rehearsal run
 * (test/support/rehearsal.ts): each function's IAM policy allows every DynamoDB action its
 * operation's code made and no read-only operation may write; every environment variable the
 * code read is set on its function or provided by Lambda; every metric the alarms and the
 * dashboard read is one the handlers' log lines emit (or, for AWS/*, one AWS publishes for a
 * resource of this stack).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, operations } from '../../src/openapi.js';
import { stubOperationOf, synth } from '../infra/synth.js';
import { AWS_NAMESPACES } from '../support/awsMetrics.js';
import { type Json, resourcesOf } from '../support/cfn.js';
import { tableArn } from '../support/dynamoAccess.js';
import { allows, functionRolePolicy, mayAllow } from '../support/iam.js';
import { providedByLambda } from '../support/lambdaRuntimeEnv.js';
import { type Recording, rehearse } from '../support/rehearsal.js';
import { type TemplateMetric, templateMetrics } from '../support/templateMetrics.js';

const OPS = operations(loadSpec());
const READ_ONLY = OPS.filter((op) => op.method === 'get').map((op) => op.operationId);

/**
 * DynamoDB's actions of the Write access level that touch a table's data or the table itself
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-actions-as-permissions).
 * Each is checked as a concrete action, so a wildcard such as `dynamodb:*` or `dynamodb:*Item`
 * that would grant one is caught.
 */
const WRITE_ACTIONS = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'PartiQLInsert',
  'PartiQLUpdate',
  'PartiQLDelete',
  'CreateTable',
  'UpdateTable',
  'DeleteTable',
  'UpdateTimeToLive',
  'RestoreTableFromBackup',
  'RestoreTableToPointInTime',
  'ImportTable',
  'PutResourcePolicy',
  'DeleteResourcePolicy',
].map((a) => `dynamodb:${a}`);

/**
 * Variables the code reads that a deployed function is right not to have: each has a default
 * for Lambda, or only means something off Lambda.
 */
const UNSET_ON_PURPOSE: Record<string, string> = {
  DYNAMODB_ENDPOINT: 'a local engine; unset, the SDK uses the regional endpoint',
  LOG_LEVEL: 'the level off Lambda; AWS_LAMBDA_LOG_LEVEL wins on it',
  IDEMPOTENCY_TTL_SECONDS: 'defaults to 24 hours, what the contract promises',
  DYNAMODB_MAX_ATTEMPTS: 'defaults to 3 (src/config/function.ts)',
  DYNAMODB_CONNECT_TIMEOUT_MS: 'defaults to 1000 (src/config/function.ts)',
  DYNAMODB_REQUEST_TIMEOUT_MS: 'defaults to 2000 (src/config/function.ts)',
  WORKSPACE_DELETE_BATCHES: 'defaults to 100 batches of 25 per request (src/config/function.ts)',
};

/** The managed policy CDK gives a function's role: CloudWatch Logs only, no DynamoDB access (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html). */
const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

let template: Json;
/** operationId -> logical id of the function whose code is that operation's bundle. */
let functionOf: Record<string, string>;
let run: Recording;

beforeAll(async () => {
  const { app, templates } = synth([{ id: 'TaskApi' }]);
  template = (templates[0] as { toJSON(): Json }).toJSON();
  functionOf = {};
  for (const [id, fn] of resourcesOf(template, 'AWS::Lambda::Function')) {
    const operationId = stubOperationOf(app.outdir, fn);
    if (!operationId) continue;
    if (functionOf[operationId]) throw new Error(`two functions deploy ${operationId}'s code`);
    functionOf[operationId] = id;
  }
  run = await rehearse(template, functionOf);
}, 120_000);

describe('the rehearsal run', () => {
  it("covers every operation's success and failure paths", () => {
    expect(Object.keys(functionOf).sort()).toEqual(OPS.map((op) => op.operationId).sort());
    const expected = [
      'createTask 201', // fresh, keyed, replayed, and with its answer lost
      'createTask 400',
      'createTask 415',
      'createTask 422', // the key reused with another body
      'createTask 429',
      'createTask 503', // the keyed record could not be marked done
      'listTasks 200',
      'listTasks 400',
      'listTasks 429',
      'getTask 200',
      'getTask 404',
      'getTask 429',
      'updateTask 200',
      'updateTask 404',
      'updateTask 412',
      'updateTask 429',
      'deleteTask 204',
      'deleteTask 404',
      'deleteTask 412',
      'deleteTask 429',
      'listTasksByStatus 200',
      'listTasksByStatus 400',
      'listTasksByStatus 403',
      'listTasksByStatus 429',
    ];
    expect([...run.outcomes].sort()).toEqual(expect.arrayContaining(expected));
    const accessed = (id: string) => run.accesses.get(id)?.map((a) => a.resource) ?? [];
    // Listings beyond one page, and the admin listing across the status-index shards.
    expect(accessed('listTasksByStatus')).toContain(tableArn(run.region, tableNameOf(), 'GSI1'));
  });
});

function tableNameOf(): string {
  const [table] = resourcesOf(template, 'AWS::DynamoDB::Table');
  return run.resolver.resolve({ Ref: table?.[0] });
}

describe('IAM', () => {
  const unique = (operationId: string) => {
    const seen = new Map<string, { action: string; resource: string }>();
    for (const a of run.accesses.get(operationId) ?? []) seen.set(`${a.action} ${a.resource}`, a);
    return [...seen.values()];
  };

  it.each(OPS.map((op) => ({ name: op.operationId })))(
    "$name: its function's role allows every DynamoDB action its code made, on the table or index it made it on",
    ({ name }) => {
      const accesses = unique(name);
      expect(accesses.length, `${name} made no DynamoDB call in the rehearsal`).toBeGreaterThan(0);
      const { statements } = functionRolePolicy(template, functionOf[name] as string, run.resolver);
      const refused = accesses.filter((a) => !allows(statements, a.action, a.resource));
      expect(refused, `${name}'s role refuses these`).toEqual([]);
    },
  );

  it.each(READ_ONLY.map((name) => ({ name })))(
    '$name (GET): no write action is allowed on the table or its indexes, nor made by its code',
    ({ name }) => {
      const { statements } = functionRolePolicy(template, functionOf[name] as string, run.resolver);
      const [[, table]] = resourcesOf(template, 'AWS::DynamoDB::Table') as [[string, Json]];
      const indexes = (table.Properties.GlobalSecondaryIndexes ?? []).map(
        (i: Json) => i.IndexName as string,
      );
      const resources = [
        tableArn(run.region, tableNameOf()),
        ...indexes.map((i: string) => tableArn(run.region, tableNameOf(), i)),
      ];
      const writable = WRITE_ACTIONS.flatMap((action) =>
        resources.filter((r) => mayAllow(statements, action, r)).map((r) => `${action} ${r}`),
      );
      expect(writable).toEqual([]);
      expect(unique(name).filter((a) => WRITE_ACTIONS.includes(a.action))).toEqual([]);
    },
  );

  it('attaches no managed policy but the basic execution role (logs only) to a function', () => {
    for (const operationId of Object.keys(functionOf)) {
      const policy = functionRolePolicy(template, functionOf[operationId] as string, run.resolver);
      expect(policy.managedPolicyArns, operationId).toEqual([BASIC_EXECUTION]);
    }
  });
});

describe('environment', () => {
  it.each(OPS.map((op) => ({ name: op.operationId })))(
    '$name: every variable its code read is set on its function, provided by Lambda, or meant to be unset',
    ({ name }) => {
      const fn = template.Resources[functionOf[name] as string];
      const set = Object.keys(fn.Properties.Environment?.Variables ?? {});
      const read = [...(run.envReads.get(name) ?? [])];
      expect(read, `${name} read no variable in the rehearsal`).toContain('TABLE_NAME');
      const missing = read.filter(
        (v) => !set.includes(v) && !providedByLambda(v, fn) && !(v in UNSET_ON_PURPOSE),
      );
      expect(missing, `${name} reads these, which its function will not have`).toEqual([]);
    },
  );

  it('leaves unset only variables some function reads, and sets none of them', () => {
    const read = new Set([...run.envReads.values()].flatMap((keys) => [...keys]));
    for (const name of Object.keys(UNSET_ON_PURPOSE)) {
      expect(read.has(name), `${name} is listed but no function reads it`).toBe(true);
      for (const id of Object.values(functionOf)) {
        expect(
          Object.keys(template.Resources[id].Properties.Environment?.Variables ?? {}),
        ).not.toContain(name);
      }
    }
  });
});

describe('telemetry', () => {
  const key = (namespace: string, name: string, dimensions: Record<string, string>) =>
    `${namespace} ${name} ${JSON.stringify(Object.entries(dimensions).sort())}`;

  it("reads only metrics of its own namespace that the handlers' log lines emit, or a metric filter makes", () => {
    const emitted = new Set(run.metrics.map((m) => key(m.namespace, m.name, m.dimensions)));
    const filtered = new Set(
      resourcesOf(template, 'AWS::Logs::MetricFilter').flatMap(([, f]) =>
        (f.Properties.MetricTransformations as Json[]).map((t) =>
          key(run.resolver.resolve(t.MetricNamespace), t.MetricName, {}),
        ),
      ),
    );
    const own = templateMetrics(template).filter(
      (m) => !run.resolver.resolve(m.namespace).startsWith('AWS/'),
    );
    expect(own.length).toBeGreaterThan(0);
    const unseen = own
      .map((m) => ({
        source: m.source,
        metric: key(
          run.resolver.resolve(m.namespace),
          m.name,
          Object.fromEntries(
            Object.entries(m.dimensions).map(([k, v]) => [k, run.resolver.resolve(v)]),
          ),
        ),
      }))
      .filter(({ metric }) => !emitted.has(metric) && !filtered.has(metric));
    expect(unseen, 'read by an alarm or the dashboard, never emitted').toEqual([]);
  });

  it("shows in each dashboard graph one operation's metrics at most, whatever their namespace", () => {
    const operationOfFunction = Object.fromEntries(
      Object.entries(functionOf).map(([operationId, id]) => [id, operationId]),
    );
    const operationOfName = Object.fromEntries(
      Object.entries(run.functionNames).map(([operationId, name]) => [name, operationId]),
    );
    const operationsOf = (m: TemplateMetric): string[] => {
      const d = m.dimensions;
      const value = (name: string) => run.resolver.resolve(d[name]);
      const found: (string | undefined)[] = [];
      if ('operation' in d) found.push(value('operation'));
      if ('function_name' in d) found.push(operationOfName[value('function_name')] ?? '?');
      if ('FunctionName' in d)
        found.push(operationOfFunction[run.resolver.target(d.FunctionName) ?? ''] ?? '?');
      if ('Resource' in d && 'Method' in d) {
        const op = OPS.find(
          (o) => o.path === value('Resource') && o.method === value('Method').toLowerCase(),
        );
        found.push(op?.operationId ?? '?');
      }
      return found.filter((o): o is string => o !== undefined);
    };
    const graphs = new Map<string, Set<string>>();
    for (const m of templateMetrics(template).filter((m) => m.source.startsWith('dashboard'))) {
      const ops = graphs.get(m.source) ?? new Set<string>();
      for (const op of operationsOf(m)) ops.add(op);
      graphs.set(m.source, ops);
    }
    const mixed = [...graphs]
      .filter(([, ops]) => ops.size > 1)
      .map(([g, ops]) => `${g}: ${[...ops]}`);
    expect(mixed).toEqual([]);
    expect([...graphs.values()].filter((ops) => ops.size === 1)).toHaveLength(3 * OPS.length);
  });

  it('reads AWS metrics by the dimensions each service publishes, naming resources of this stack', () => {
    const restApis = resourcesOf(template, 'AWS::ApiGateway::RestApi');
    expect(restApis).toHaveLength(1);
    const [[apiId, api]] = restApis as [[string, Json]];
    const stages = resourcesOf(template, 'AWS::ApiGateway::Stage')
      .filter(([, s]) => s.Properties.RestApiId?.Ref === apiId)
      .map(([, s]) => s.Properties.StageName as string);
    const [[tableId, table]] = resourcesOf(template, 'AWS::DynamoDB::Table') as [[string, Json]];
    const indexes = (table.Properties.GlobalSecondaryIndexes ?? []).map((i: Json) => i.IndexName);
    const functions = new Set(Object.values(functionOf));

    const problems: string[] = [];
    for (const m of templateMetrics(template)) {
      const namespace = run.resolver.resolve(m.namespace);
      if (!namespace.startsWith('AWS/')) continue;
      const where = `${m.source}: ${namespace} ${m.name}`;
      const known = AWS_NAMESPACES[namespace];
      if (!known) {
        problems.push(`${where}: a namespace this check does not know`);
        continue;
      }
      if (!known.metrics.includes(m.name)) problems.push(`${where}: no such metric`);
      const names = Object.keys(m.dimensions).sort();
      if (!known.dimensionSets.some((s) => JSON.stringify(s) === JSON.stringify(names))) {
        problems.push(`${where}: dimensions ${names} are not a set the service publishes`);
      }
      const d = m.dimensions;
      const value = (name: string) => run.resolver.resolve(d[name]);
      if ('ApiName' in d && value('ApiName') !== api.Properties.Name) {
        problems.push(
          `${where}: ApiName ${value('ApiName')} is not the API ${api.Properties.Name}`,
        );
      }
      if ('Stage' in d && !stages.includes(value('Stage'))) {
        problems.push(`${where}: Stage ${value('Stage')} is none of ${stages}`);
      }
      if ('Resource' in d && namespace === 'AWS/ApiGateway') {
        const method =
          api.Properties.Body.paths?.[value('Resource')]?.[value('Method').toLowerCase()];
        if (!method)
          problems.push(
            `${where}: ${value('Method')} ${value('Resource')} is no method of the API`,
          );
      }
      if ('FunctionName' in d && !functions.has(run.resolver.target(d.FunctionName) ?? '')) {
        problems.push(
          `${where}: FunctionName ${JSON.stringify(d.FunctionName)} is no function of an operation`,
        );
      }
      if ('TableName' in d && run.resolver.target(d.TableName) !== tableId) {
        problems.push(`${where}: TableName ${JSON.stringify(d.TableName)} is not the table`);
      }
      if ('GlobalSecondaryIndexName' in d && !indexes.includes(value('GlobalSecondaryIndexName'))) {
        problems.push(`${where}: no index ${value('GlobalSecondaryIndexName')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
