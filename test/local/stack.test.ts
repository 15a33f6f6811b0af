/** startLocalStack: what it starts, the config it gives its functions, and its env overrides. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { startCognito } from '../../src/local/cognito.js';
import { localDynamoClient, startDynalite } from '../../src/local/dynamodb.js';
import { type LocalStack, stackOutputs, startLocalStack } from '../../src/local/stack.js';
import { cognitoClient, createUser } from '../support/stack.js';
import { echoHandlers } from './echo.js';

const handlers = echoHandlers();
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stack(options: Parameters<typeof startLocalStack>[0] = {}): Promise<LocalStack> {
  const s = await startLocalStack({
    env: {},
    loadHandler: handlers.loadHandler,
    buildDocs: false,
    log: () => {},
    onCode: () => {},
    ...options,
  });
  cleanups.push(() => s.stop());
  return s;
}

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'stack-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('startLocalStack', () => {
  it('starts everything on free 127.0.0.1 ports with the table created', async () => {
    const s = await stack();

    for (const url of [s.apiUrl, s.cognitoEndpoint, s.dynamoEndpoint]) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const dynamo = localDynamoClient(s.dynamoEndpoint);
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'TaskApp' }));
    dynamo.destroy();
    expect(Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('GSI1');
    expect(s).toMatchObject({ region: 'us-east-1', tableName: 'TaskApp' });
  });

  it('names the same outputs as the CDK stack plus the local endpoints', async () => {
    const s = await stack();

    const outputs = stackOutputs(s);

    expect(Object.keys(outputs).sort()).toEqual(
      [
        'ApiUrl',
        'CognitoEndpoint',
        'DynamoDbEndpoint',
        'Region',
        'TableName',
        'UserPoolClientId',
        'UserPoolId',
      ].sort(),
    );
    expect(outputs).toMatchObject({
      ApiUrl: s.apiUrl,
      UserPoolId: s.userPoolId,
      UserPoolClientId: s.clientId,
      DynamoDbEndpoint: s.dynamoEndpoint,
    });
  });

  it("gives the real handlers its table and endpoint by config, leaving the process's environment alone", async () => {
    const before = { ...process.env };
    const s = await stack({
      env: { LOG_LEVEL: 'silent' },
      loadHandler: undefined,
      tableName: 'Other',
    });
    const cognito = cognitoClient(s);
    cleanups.push(async () => cognito.destroy());
    const user = await createUser({ ...s, cognito });

    const res = await fetch(`${s.apiUrl}/tasks`, {
      method: 'POST',
      headers: { Authorization: user.idToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'in the stack table' }),
    });

    expect(res.status).toBe(201);
    const dynamo = localDynamoClient(s.dynamoEndpoint);
    const { Items } = await dynamo.send(new ScanCommand({ TableName: 'Other' }));
    dynamo.destroy();
    expect(Items?.map((i) => i.title?.S)).toContain('in the stack table');
    expect(process.env).toEqual(before);
  });

  it('refuses a bad setting of its functions before starting anything', async () => {
    await expect(stack({ env: { MAX_TASKS_PER_USER: 'many' } })).rejects.toThrow(
      'MAX_TASKS_PER_USER must be an integer 1-1000000, got many',
    );
  });

  it('uses DYNAMODB_ENDPOINT instead of dynalite, creating the table there', async () => {
    const other = await startDynalite();
    cleanups.push(() => other.close());

    const s = await stack({ env: { DYNAMODB_ENDPOINT: other.endpoint, TABLE_NAME: 'FromEnv' } });

    expect(s.dynamoEndpoint).toBe(other.endpoint);
    const dynamo = localDynamoClient(other.endpoint);
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'FromEnv' }));
    dynamo.destroy();
    expect(Table?.TableStatus).toBe('ACTIVE');
  });

  it('uses the COGNITO_* pool instead of cognito-local, accepting its tokens', async () => {
    const otherDir = await tempDir();
    const other = await startCognito({ dataDir: otherDir, onCode: () => {} });
    cleanups.push(() => other.close());

    const s = await stack({
      env: {
        COGNITO_USER_POOL_ID: other.userPoolId,
        COGNITO_CLIENT_ID: other.clientId,
        COGNITO_JWKS_URL: other.jwksUrl,
        COGNITO_ENDPOINT: other.endpoint,
      },
    });
    const user = await createUser({
      ...other,
      cognito: cognitoClient({ cognitoEndpoint: other.endpoint, region: 'us-east-1' }),
    });
    const res = await fetch(`${s.apiUrl}/tasks`, { headers: { Authorization: user.idToken } });

    expect(s).toMatchObject({
      userPoolId: other.userPoolId,
      clientId: other.clientId,
      cognitoEndpoint: other.endpoint,
    });
    expect(res.status).toBe(200);
  });

  it('refuses a COGNITO_USER_POOL_ID without COGNITO_CLIENT_ID', async () => {
    await expect(stack({ env: { COGNITO_USER_POOL_ID: 'us-east-1_abcdefghi' } })).rejects.toThrow(
      /COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID must be set together/,
    );
  });

  it('refuses a data dir another stack holds, since dynalite cannot share one', async () => {
    const dataDir = await tempDir();
    await stack({ dataDir });

    await expect(stack({ dataDir })).rejects.toThrow(
      new RegExp(`data dir ${dataDir} is in use by process ${process.pid}`),
    );
  });

  it('refuses a busy port with a one-line message naming it', async () => {
    const first = await stack();
    const port = Number(new URL(first.apiUrl).port);

    await expect(stack({ apiPort: port })).rejects.toThrow(
      `port ${port} (api) is already in use on 127.0.0.1; stop what holds it or set PORT`,
    );
  });
});
