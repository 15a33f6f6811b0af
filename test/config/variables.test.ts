/**
 * src/config/: every variable declared once with its default and meaning, read by one parser per
 * kind of value; a bad value is refused naming the variable and showing the value.
 */
import { describe, expect, it } from 'vitest';
import { dataConfig, functionConfig, telemetryConfig } from '../../src/config/function.js';
import { VARIABLES } from '../../src/config/index.js';
import { localConfig } from '../../src/config/local.js';
import {
  boolean,
  integer,
  list,
  oneOf,
  type Parser,
  port,
  text,
  url,
  variable,
} from '../../src/config/parse.js';
import { tableNames } from '../docs/markdown.js';

describe('the variables table', () => {
  it('declares each variable once, with a default and a one-line description', () => {
    const names = VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of VARIABLES) {
      expect(v.name, v.name).toMatch(/^_?[A-Z][A-Z0-9_]*$/);
      expect(v.default, v.name).not.toBe('');
      expect(v.description, v.name).toMatch(/^\S[^\n]*$/);
    }
  });

  it('is the table docs/configuration.md lists, both ways', () => {
    const listed = [
      ...tableNames('docs/configuration.md', '## The handlers'),
      ...tableNames('docs/configuration.md', '## The local stack'),
    ];
    // Lambda sets its own runtime variables; a deployment does not configure them.
    const configurable = VARIABLES.filter((v) => v.scope !== 'lambda').map((v) => v.name);
    expect([...new Set(listed)].sort()).toEqual([...new Set(configurable)].sort());
  });

  it('declares the workspace limits with their defaults', () => {
    const defaults = Object.fromEntries(VARIABLES.map((v) => [v.name, v.default]));
    expect(defaults).toMatchObject({
      MAX_WORKSPACES_PER_USER: '100',
      MAX_MEMBERS_PER_WORKSPACE: '500',
      MAX_PENDING_INVITATIONS_PER_EMAIL: '50',
      MAX_TASKS_PER_WORKSPACE: '10000',
    });
  });

  it("names Lambda's runtime variables as Lambda's", () => {
    const lambda = VARIABLES.filter((v) => v.scope === 'lambda').map((v) => v.name);
    expect(lambda.sort()).toEqual(
      [
        'AWS_LAMBDA_INITIALIZATION_TYPE',
        'AWS_LAMBDA_LOG_LEVEL',
        'AWS_REGION',
        '_X_AMZN_TRACE_ID',
      ].sort(),
    );
  });
});

describe('parsers', () => {
  const accepts = <T>(parser: Parser<T>, raw: string, want: T) =>
    expect(parser.parse(raw)).toEqual(want);
  const refuses = <T>(parser: Parser<T>, raw: string) => expect(parser.parse(raw)).toBeUndefined();

  it.each([
    { name: 'an integer in range', parser: integer(1, 100), raw: '100', want: 100 },
    { name: 'a port', parser: port, raw: '0', want: 0 },
    { name: 'a listed value', parser: oneOf(['a', 'b']), raw: 'b', want: 'b' },
    {
      name: 'a level in any case',
      parser: oneOf(['INFO', 'WARN'], { ignoreCase: true }),
      raw: ' warn',
      want: 'WARN',
    },
    { name: 'false', parser: boolean, raw: 'false', want: false },
    { name: 'a URL', parser: url, raw: 'http://127.0.0.1:8000', want: 'http://127.0.0.1:8000' },
    { name: 'a list, trimmed', parser: list(text, 'ids'), raw: ' a, b ,,', want: ['a', 'b'] },
  ])('accept $name', ({ parser, raw, want }) => accepts(parser as Parser<unknown>, raw, want));

  it.each([
    { name: 'a fraction', parser: integer(1, 100), raw: '2.5' },
    { name: 'below the range', parser: integer(1, 100), raw: '0' },
    { name: 'above the range', parser: integer(1, 100), raw: '101' },
    { name: 'a sign', parser: integer(1, 100), raw: '-1' },
    { name: 'an exponent', parser: integer(1, 100), raw: '1e2' },
    { name: 'a port past 65535', parser: port, raw: '65536' },
    { name: 'an unlisted value', parser: oneOf(['a', 'b']), raw: 'c' },
    { name: 'a case the list does not allow', parser: oneOf(['a', 'b']), raw: 'A' },
    { name: 'yes for a boolean', parser: boolean, raw: 'yes' },
    { name: 'a URL without a scheme', parser: url, raw: '127.0.0.1:8000' },
    { name: 'a file URL', parser: url, raw: 'file:///etc/passwd' },
    { name: 'a list with a bad item', parser: list(url, 'urls'), raw: 'http://a.example,nope' },
  ])('refuse $name', ({ parser, raw }) => refuses(parser as Parser<unknown>, raw));

  it('read unset or empty as the default, and refuse a bad value naming the variable and the value', () => {
    const limit = variable('SOME_LIMIT', integer(1, 1_000_000), 7, 'a limit');
    expect(limit.read({})).toBe(7);
    expect(limit.read({ SOME_LIMIT: '' })).toBe(7);
    expect(limit.read({ SOME_LIMIT: '9' })).toBe(9);
    expect(() => limit.read({ SOME_LIMIT: 'abc' })).toThrow(
      'SOME_LIMIT must be an integer 1-1000000, got abc',
    );
  });
});

describe("a function's config", () => {
  it('is every default for an empty environment', () => {
    const config = functionConfig({});
    expect(config).toMatchObject({
      data: { tableName: 'TaskApp', shards: 10, maxTasksPerUser: 10_000 },
      dynamo: {
        region: 'us-east-1',
        endpoint: undefined,
        maxAttempts: 3,
        connectTimeoutMs: 1000,
        requestTimeoutMs: 2000,
      },
      idempotencyTtlSeconds: 86_400,
      workspaceDeleteBatches: 100,
      corsAllowOrigins: [],
      problemTypeBase: '/docs',
      telemetry: { logLevel: 'INFO', metricsNamespace: 'TaskApi', initializationType: undefined },
    });
    expect(config.telemetry.traceHeader()).toBeUndefined();
  });

  it('reads what the CDK stack and Lambda set', () => {
    const config = functionConfig({
      TABLE_NAME: 'TaskApi-prod-Table',
      STATUS_INDEX_SHARDS: '4',
      MAX_TASKS_PER_USER: '50',
      CORS_ALLOW_ORIGINS: 'https://app.example.com, http://127.0.0.1:5173',
      METRICS_NAMESPACE: 'TaskApi/prod',
      PROBLEM_TYPE_BASE: 'https://app.example.com/docs',
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_LOG_LEVEL: 'WARN',
      LOG_LEVEL: 'DEBUG',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    });
    expect(config).toMatchObject({
      data: { tableName: 'TaskApi-prod-Table', shards: 4, maxTasksPerUser: 50 },
      dynamo: { region: 'eu-west-1' },
      corsAllowOrigins: ['https://app.example.com', 'http://127.0.0.1:5173'],
      problemTypeBase: 'https://app.example.com/docs',
      telemetry: {
        logLevel: 'WARN',
        metricsNamespace: 'TaskApi/prod',
        initializationType: 'on-demand',
      },
    });
  });

  it('reads the trace header at each call, as Lambda sets it anew for each invocation', () => {
    const env: Record<string, string> = {};
    const { traceHeader } = telemetryConfig(env);
    env._X_AMZN_TRACE_ID = 'Root=1-a-b';
    expect(traceHeader()).toBe('Root=1-a-b');
  });

  it.each([
    ['MAX_TASKS_PER_USER', 'abc', 'MAX_TASKS_PER_USER must be an integer 1-1000000, got abc'],
    ['STATUS_INDEX_SHARDS', '0', 'STATUS_INDEX_SHARDS must be an integer 1-100, got 0'],
    ['TABLE_NAME', 'a b', 'TABLE_NAME must be a DynamoDB table name'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, SILENT, got loud',
    ],
    [
      'CORS_ALLOW_ORIGINS',
      'https://a.example/path',
      'CORS_ALLOW_ORIGINS must be comma-separated origins such as https://app.example.com, or *, got https://a.example/path',
    ],
    [
      'DYNAMODB_ENDPOINT',
      'localhost:8000',
      'DYNAMODB_ENDPOINT must be an http or https URL, got localhost:8000',
    ],
    [
      'PROBLEM_TYPE_BASE',
      '//evil.example',
      'PROBLEM_TYPE_BASE must be a path such as /docs or an http or https URL, got //evil.example',
    ],
    [
      'IDEMPOTENCY_TTL_SECONDS',
      '0',
      'IDEMPOTENCY_TTL_SECONDS must be an integer 1-31536000, got 0',
    ],
    [
      'WORKSPACE_DELETE_BATCHES',
      'lots',
      'WORKSPACE_DELETE_BATCHES must be an integer 1-10000, got lots',
    ],
    ['AWS_REGION', 'Mars', 'AWS_REGION must be an AWS region such as us-east-1, got Mars'],
  ])('refuses %s=%s at init', (name, raw, message) => {
    expect(() => functionConfig({ [name]: raw })).toThrow(message);
  });

  it("refuses a bad LOG_LEVEL even where Lambda's own level wins over it", () => {
    expect(() => functionConfig({ AWS_LAMBDA_LOG_LEVEL: 'WARN', LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be one of',
    );
  });

  it('keeps the data settings apart for the repository', () => {
    expect(dataConfig({ MAX_TASKS_PER_USER: '5', MAX_MEMBERS_PER_WORKSPACE: '7' })).toEqual({
      tableName: 'TaskApp',
      shards: 10,
      maxTasksPerUser: 5,
      maxWorkspacesPerUser: 100,
      maxMembersPerWorkspace: 7,
      maxPendingInvitationsPerEmail: 50,
      maxTasksPerWorkspace: 10_000,
    });
  });
});

describe("the local stack's config", () => {
  it('is every default for an empty environment', () => {
    expect(localConfig({})).toEqual({
      ports: { api: 3000, dynamo: 8000, cognito: 9229, web: 5173 },
      dataDir: '.local',
      buildDocs: true,
      web: true,
      stage: undefined,
      tableName: 'TaskApp',
      shards: 10,
      dynamoEngine: 'dynalite',
      dynamoEndpoint: undefined,
      cognito: undefined,
      allowedClientIds: undefined,
      corsAllowOrigins: [],
      problemTypeBase: '/docs',
    });
  });

  it('names another user pool by COGNITO_*, its JWKS and endpoint on AWS unless given', () => {
    const { cognito } = localConfig({
      COGNITO_USER_POOL_ID: 'eu-west-1_AbC123xyZ',
      COGNITO_CLIENT_ID: 'client',
    });
    expect(cognito).toEqual({
      userPoolId: 'eu-west-1_AbC123xyZ',
      clientId: 'client',
      endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
      jwksUrl:
        'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyZ/.well-known/jwks.json',
    });
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a port number 0-65535, got abc'],
    ['WEB_PORT', '70000', 'WEB_PORT must be a port number 0-65535, got 70000'],
    ['DYNAMODB_ENGINE', 'mongo', 'DYNAMODB_ENGINE must be dynalite or dynamodb-local, got mongo'],
    ['LOCAL_WEB', 'no', 'LOCAL_WEB must be true or false, got no'],
    ['LOCAL_STAGE', 'a/b', 'LOCAL_STAGE must be a stage name of letters, digits, _ or -, got a/b'],
    ['COGNITO_USER_POOL_ID', 'pool', 'COGNITO_USER_POOL_ID must be a user pool id'],
    [
      'COGNITO_CLIENT_ID',
      'client',
      'COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID must be set together, got unset and client',
    ],
  ])('refuses %s=%s at start', (name, raw, message) => {
    expect(() => localConfig({ [name]: raw })).toThrow(message);
  });
});
