import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, FileSystem, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CALLBACK_URLS,
  STAGE_THROTTLE_DEFAULT,
  TaskApiStack,
} from '../../infra/task-api-stack.js';
import {
  APP_CLIENT_READ_ATTRIBUTES,
  APP_CLIENT_WRITE_ATTRIBUTES,
} from '../../src/contract/app-client.js';
import { OPERATIONS } from '../../src/contract/operations.generated.js';
import {
  createTableInput,
  STATUS_INDEX_SHARDS_DEFAULT,
  TTL_ATTRIBUTE,
} from '../../src/data/table.js';
import { loadSpec, operations, SPEC_PATH } from '../../src/openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON, walked by key
type Json = Record<string, any>;

const ops = operations(loadSpec());
/** The operations whose method is safe (GET): their functions only read. */
const READ_OPERATIONS: string[] = OPERATIONS.filter((op) => op.method === 'GET').map(
  (op) => op.operationId,
);
const WRITE_ACTIONS = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|\*)$/;
/** The repository's cdk.json context (feature flags), so tests synthesize what `cdk synth` does. */
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'))
  .context as Record<string, unknown>;

let work: string;
let handlersDir: string;
let webAppDir: string;
let nag: AwsSolutionsChecks;
let app: App;
let stack: TaskApiStack;
let template: Template;
let sameSpecTemplate: Template;
let changedSpecTemplate: Template;

/** Stub bundles stand in for `npm run build` output: the stack only needs the files. */
function stubBundles(dir: string, operationIds: string[]) {
  for (const id of operationIds) {
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(
      join(dir, id, 'index.mjs'),
      `export const handler = async () => ({ statusCode: 200, body: '${id}' });\n`,
    );
  }
}

function resourcesOf(t: Template, type: string): [string, Json][] {
  return Object.entries(t.findResources(type));
}

/** The operations' functions, not CDK's own helpers (the web app's copy function). */
function operationFunctions(t: Template): [string, Json][] {
  return resourcesOf(t, 'AWS::Lambda::Function').filter(([, r]) =>
    ops.some((op) => String(r.Properties.Description).startsWith(`${op.operationId}:`)),
  );
}

function logicalIdOf(t: Template, operationId: string): string {
  const found = resourcesOf(t, 'AWS::Lambda::Function').filter(([, r]) =>
    String(r.Properties.Description).startsWith(`${operationId}:`),
  );
  expect(found, `functions for ${operationId}`).toHaveLength(1);
  return found[0]?.[0] as string;
}

function deploymentIdOf(t: Template): string {
  const ids = Object.keys(t.findResources('AWS::ApiGateway::Deployment'));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'task-api-infra-'));
  handlersDir = join(work, 'handlers');
  stubBundles(
    handlersDir,
    ops.map((op) => op.operationId),
  );
  webAppDir = join(work, 'web');
  mkdirSync(webAppDir);
  writeFileSync(join(webAppDir, 'index.html'), '<!doctype html><title>Task board</title>\n');
  writeFileSync(join(webAppDir, 'docs.html'), '<!doctype html><title>task-api</title>\n');
  const changedSpec = join(work, 'openapi.yaml');
  writeFileSync(
    changedSpec,
    readFileSync(SPEC_PATH, 'utf8').replace('summary: Get one task', 'summary: Get a task'),
  );

  // One app, one synth for the whole suite: the stack under test and two variants.
  app = new App({ context: cdkContext });
  nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  stack = new TaskApiStack(app, 'TaskApi', { handlersDir, webAppDir });
  const sameSpec = new Construct(app, 'SameSpec');
  sameSpec.node.setContext('statusIndexShards', '4');
  const sameSpecStack = new TaskApiStack(sameSpec, 'TaskApi', { handlersDir, webAppDir });
  const changedSpecStack = new TaskApiStack(new Construct(app, 'ChangedSpec'), 'TaskApi', {
    handlersDir,
    webAppDir,
    specPath: changedSpec,
  });
  template = Template.fromStack(stack);
  sameSpecTemplate = Template.fromStack(sameSpecStack);
  changedSpecTemplate = Template.fromStack(changedSpecStack);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('functions', () => {
  it('makes exactly one function per operationId', () => {
    expect(operationFunctions(template)).toHaveLength(ops.length);
    expect(Object.keys(stack.functions).sort()).toEqual(ops.map((op) => op.operationId).sort());
  });

  it.each(ops.map((op) => ({ name: op.operationId, op })))(
    '$name: node 24 on arm64, its own bundle, traced, with the table settings',
    ({ op }) => {
      const fn = template.toJSON().Resources[logicalIdOf(template, op.operationId)];

      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: 10,
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: stack.getLogicalId(stack.table.node.defaultChild as never) },
            STATUS_INDEX_SHARDS: String(STATUS_INDEX_SHARDS_DEFAULT),
            MAX_TASKS_PER_USER: '10000',
            MAX_WORKSPACES_PER_USER: '100',
            MAX_MEMBERS_PER_WORKSPACE: '500',
            MAX_PENDING_INVITATIONS_PER_EMAIL: '50',
            MAX_TASKS_PER_WORKSPACE: '10000',
            CORS_ALLOW_ORIGINS: stack.resolve(stack.web.url),
          },
        },
      });
      // The asset is that operation's bundle directory, fingerprinted the way CDK stages it.
      expect(fn.Properties.Code.S3Key).toBe(
        `${FileSystem.fingerprint(join(handlersDir, op.operationId))}.zip`,
      );
      expect(fn.Properties.LoggingConfig.LogGroup).toEqual({
        Ref: expect.stringMatching(`^${op.operationId}Logs`),
      });
    },
  );

  it('deploys each operation its own bundle (distinct assets)', () => {
    const keys = operationFunctions(template).map(([, r]) => r.Properties.Code.S3Key);

    expect(new Set(keys).size).toBe(ops.length);
  });

  it('passes the statusIndexShards context to every function as STATUS_INDEX_SHARDS', () => {
    for (const [, fn] of operationFunctions(sameSpecTemplate)) {
      expect(fn.Properties.Environment.Variables.STATUS_INDEX_SHARDS).toBe('4');
    }
  });

  it('records N in the table at deploy time, before any function that writes with it', () => {
    const [[id, record]] = resourcesOf(template, 'Custom::AWS') as [[string, Json]];
    const tableId = stack.getLogicalId(stack.table.node.defaultChild as never);
    for (const phase of ['Create', 'Update']) {
      const call = JSON.parse(
        (record.Properties[phase]['Fn::Join'][1] as unknown[])
          .map((part) => (typeof part === 'string' ? part : 'TABLE'))
          .join(''),
      );
      expect(call, phase).toMatchObject({
        service: 'DynamoDB',
        action: 'UpdateItem',
        parameters: {
          TableName: 'TABLE',
          Key: { PK: { S: 'META#STATUS_INDEX' }, SK: { S: 'SHARDS' } },
          UpdateExpression: 'ADD shard_counts :n',
          ExpressionAttributeValues: { ':n': { NS: [String(STATUS_INDEX_SHARDS_DEFAULT)] } },
        },
      });
    }
    for (const [fnId, fn] of operationFunctions(template)) {
      expect(fn.DependsOn, fnId).toContain(id);
    }
    // Its own role may call UpdateItem on this table and nothing else.
    const statements = resourcesOf(template, 'AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((st) => st.Action === 'dynamodb:UpdateItem');
    expect(statements).toEqual([
      expect.objectContaining({ Effect: 'Allow', Resource: { 'Fn::GetAtt': [tableId, 'Arn'] } }),
    ]);
  });

  it('refuses an operation without a bundle, naming the handler to add', () => {
    const dir = join(work, 'partial');
    stubBundles(
      dir,
      ops.map((op) => op.operationId).filter((id) => id !== 'getTask'),
    );

    expect(() => new TaskApiStack(new App(), 'Partial', { handlersDir: dir, webAppDir })).toThrow(
      /operation getTask has no bundle at .*getTask\/index\.mjs: add src\/handlers\/getTask\.ts and run npm run build/,
    );
  });

  it('refuses a statusIndexShards context the handlers would refuse', () => {
    const bad = new App({ context: { statusIndexShards: '0' } });

    expect(() => new TaskApiStack(bad, 'Bad', { handlersDir, webAppDir })).toThrow(
      'STATUS_INDEX_SHARDS must be an integer 1-100, got 0',
    );
  });

  it.each([
    { context: 'maxTasksPerUser', variable: 'MAX_TASKS_PER_USER', max: 1_000_000 },
    { context: 'maxWorkspacesPerUser', variable: 'MAX_WORKSPACES_PER_USER', max: 10_000 },
    { context: 'maxMembersPerWorkspace', variable: 'MAX_MEMBERS_PER_WORKSPACE', max: 100_000 },
    {
      context: 'maxPendingInvitationsPerEmail',
      variable: 'MAX_PENDING_INVITATIONS_PER_EMAIL',
      max: 10_000,
    },
    { context: 'maxTasksPerWorkspace', variable: 'MAX_TASKS_PER_WORKSPACE', max: 1_000_000 },
  ])(
    'passes the $context context to every function as $variable, and refuses a bad one',
    ({ context, variable, max }) => {
      const app = new App({ context: { [context]: '7' } });
      const capped = Template.fromStack(
        new TaskApiStack(app, 'Capped', { handlersDir, webAppDir }),
      );
      for (const [, fn] of operationFunctions(capped)) {
        expect(fn.Properties.Environment.Variables[variable]).toBe('7');
      }
      const bad = new App({ context: { [context]: '0' } });
      expect(() => new TaskApiStack(bad, 'Bad', { handlersDir, webAppDir })).toThrow(
        `${variable} must be an integer 1-${max}, got 0`,
      );
    },
  );
});

describe('least privilege', () => {
  /** The DynamoDB actions of the policies attached to one function's role. */
  function actionsOf(operationId: string): string[] {
    const fn = template.toJSON().Resources[logicalIdOf(template, operationId)];
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    return resourcesOf(template, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === role))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .flatMap((s: Json) => [s.Action].flat())
      .filter((a: string) => a.startsWith('dynamodb:'));
  }

  it.each(READ_OPERATIONS.map((name) => ({ name })))(
    '$name can read but not write the table',
    ({ name }) => {
      const actions = actionsOf(name);

      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions.filter((a) => WRITE_ACTIONS.test(a))).toEqual([]);
    },
  );

  it.each(
    ops
      .map((op) => op.operationId)
      .filter((id) => !READ_OPERATIONS.includes(id))
      .map((name) => ({ name })),
  )('$name can write the table', ({ name }) => {
    expect(actionsOf(name)).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
    );
  });

  // TransactWriteItems is authorized per item by the action of each member.
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
  it.each([{ name: 'createTask' }, { name: 'deleteTask' }])(
    '$name holds every action its TransactWriteItems (Put, Update, Delete, ConditionCheck) needs',
    ({ name }) => {
      expect(actionsOf(name)).toEqual(
        expect.arrayContaining([
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:ConditionCheckItem',
        ]),
      );
    },
  );

  it('lets only this API invoke each function, per method and path', () => {
    const apiId = stack.getLogicalId(stack.api.node.defaultChild as never);
    const permissions = resourcesOf(template, 'AWS::Lambda::Permission');

    expect(permissions).toHaveLength(ops.length);
    for (const op of ops) {
      const fnId = logicalIdOf(template, op.operationId);
      const mine = permissions.filter(
        ([, p]) => p.Properties.FunctionName['Fn::GetAtt']?.[0] === fnId,
      );
      expect(mine).toHaveLength(1);
      const props = mine[0]?.[1].Properties;
      const parts = props.SourceArn['Fn::Join'][1] as unknown[];
      expect(props.Action).toBe('lambda:InvokeFunction');
      expect(props.Principal).toBe('apigateway.amazonaws.com');
      expect(parts).toContainEqual({ Ref: apiId });
      expect(parts.at(-1)).toBe(
        `/*/${op.method.toUpperCase()}${op.path.replace(/\{[^}]+\}/g, '*')}`,
      );
    }
  });
});

describe('api', () => {
  function body(t = template): Json {
    const apis = resourcesOf(t, 'AWS::ApiGateway::RestApi');
    expect(apis).toHaveLength(1);
    return apis[0]?.[1].Properties.Body;
  }

  it.each(ops.map((op) => ({ name: op.operationId, op })))(
    '$name: integrated with its own function behind the cognito authorizer',
    ({ op }) => {
      const operation = body().paths[op.path][op.method];
      const uri = operation['x-amazon-apigateway-integration'].uri['Fn::Join'][1] as unknown[];

      expect(operation['x-amazon-apigateway-integration'].type).toBe('aws_proxy');
      expect(uri).toContainEqual({ 'Fn::GetAtt': [logicalIdOf(template, op.operationId), 'Arn'] });
      expect(operation.security).toEqual([{ CognitoUserPool: [] }]);
      expect(operation['x-amazon-apigateway-request-validator']).toBe('params');
    },
  );

  it('trusts the stack user pool in the authorizer', () => {
    const pool = stack.getLogicalId(stack.userPool.node.defaultChild as never);

    expect(
      body().components.securitySchemes.CognitoUserPool['x-amazon-apigateway-authorizer'],
    ).toMatchObject({
      type: 'cognito_user_pools',
      providerARNs: [{ 'Fn::GetAtt': [pool, 'Arn'] }],
    });
  });

  it('accepts ID tokens of the stack web client only (identityValidationExpression on aud)', () => {
    const client = stack.getLogicalId(stack.userPoolClient.node.defaultChild as never);
    const authorizer =
      body().components.securitySchemes.CognitoUserPool['x-amazon-apigateway-authorizer'];

    expect(authorizer.identityValidationExpression).toEqual({
      'Fn::Join': ['', ['^(', { Ref: client }, ')$']],
    });
  });

  it('throttles, access-logs as JSON, traces and records metrics on the prod stage', () => {
    const stages = resourcesOf(template, 'AWS::ApiGateway::Stage');
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.[1].Properties;
    const format = JSON.parse(stage.AccessLogSetting.Format);

    expect(stage.StageName).toBe('prod');
    expect(stage.TracingEnabled).toBe(true);
    expect(stage.MethodSettings).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        ThrottlingRateLimit: STAGE_THROTTLE_DEFAULT.rateLimit,
        ThrottlingBurstLimit: STAGE_THROTTLE_DEFAULT.burstLimit,
        MetricsEnabled: true,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
      }),
    ]);
    expect(JSON.stringify(stage.AccessLogSetting.DestinationArn)).toMatch(/AccessLogs/);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('redeploys when the spec changes, and only then', () => {
    expect(deploymentIdOf(sameSpecTemplate)).toBe(deploymentIdOf(template));
    expect(deploymentIdOf(changedSpecTemplate)).not.toBe(deploymentIdOf(template));
  });

  it('outputs what .local/outputs.json holds', () => {
    const outputs = template.toJSON().Outputs;

    for (const key of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'Region', 'TableName']) {
      expect(outputs).toHaveProperty(key);
    }
    expect(JSON.stringify(outputs.ApiUrl.Value)).toMatch(/execute-api.*\/prod"\]\]\}$/);
  });
});

describe('table', () => {
  it('has the keys and index of src/data/table.ts', () => {
    const shared = createTableInput('TaskApp');
    const table = resourcesOf(template, 'AWS::DynamoDB::Table');
    expect(table).toHaveLength(1);
    const props = table[0]?.[1].Properties;

    expect(props.KeySchema).toEqual(shared.KeySchema);
    expect(props.AttributeDefinitions).toEqual(expect.arrayContaining(shared.AttributeDefinitions));
    expect(props.AttributeDefinitions).toHaveLength(shared.AttributeDefinitions.length);
    expect(props.GlobalSecondaryIndexes).toEqual(shared.GlobalSecondaryIndexes);
    expect(props.BillingMode).toBe(shared.BillingMode);
  });

  it('is protected: PITR, deletion protection, retained, TTL on the shared attribute', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    });
  });
});

describe('user pool', () => {
  it('signs in by email, verifies it, lets users sign up and enforces the seed password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 10,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        },
      },
    });
  });

  it('is retained when the stack is deleted, like the table', () => {
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
  });

  it('has the admins group', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
  });

  it('has a public client for SRP, password and refresh flows and the OAuth code flow', () => {
    const clients = resourcesOf(template, 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    const props = clients[0]?.[1].Properties;

    expect(props.GenerateSecret).toBe(false);
    expect([...props.ExplicitAuthFlows].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect([...props.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(props.CallbackURLs).toEqual([
      ...DEFAULT_CALLBACK_URLS,
      stack.resolve(`${stack.web.url}/callback`),
    ]);
    expect(props.LogoutURLs).toEqual([stack.resolve(`${stack.web.url}/`)]);
  });

  // Attribute permissions: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
  it('declares exactly the shared read and write attributes, so the client may not write email_verified', () => {
    const props = resourcesOf(template, 'AWS::Cognito::UserPoolClient')[0]?.[1].Properties;

    expect(props.ReadAttributes).toEqual([...APP_CLIENT_READ_ATTRIBUTES].sort());
    expect(props.WriteAttributes).toEqual([...APP_CLIENT_WRITE_ATTRIBUTES].sort());
    expect(props.ReadAttributes).toContain('email_verified');
    expect(props.WriteAttributes).not.toContain('email_verified');
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
  it('prevents user existence errors, so a wrong password and an unknown user answer alike', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('takes callback URLs from the callbackUrls context', () => {
    const custom = new App({
      context: { callbackUrls: 'https://a.example/cb, https://b.example/cb' },
    });
    const s = new TaskApiStack(custom, 'Custom', { handlersDir, webAppDir });

    expect(s.resolve((s.userPoolClient.node.defaultChild as Json).callbackUrLs)).toEqual([
      'https://a.example/cb',
      'https://b.example/cb',
      s.resolve(`${s.web.url}/callback`),
    ]);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding', () => {
    const report = nag.validateScope(app);

    expect(
      report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
  });

  it('leaves no cdk-nag error or warning annotation', () => {
    const annotations = Annotations.fromStack(stack);

    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions'))).toEqual([]);
  });

  it('gives every acknowledgement a one-line reason', () => {
    const acks = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.values(m.data as Record<string, string>));

    expect(acks.length).toBeGreaterThan(0);
    for (const reason of acks) expect(reason).toMatch(/^[^\n]{10,160}$/);
  });
});
