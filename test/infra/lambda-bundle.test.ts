/**
 * The Lambda bundles as deployed (scripts/build.ts,
 * docs/performance.md#a-cold-start-below-the-bare-client): they serve real requests with and
 * without their code cache, from a read-only directory, and the trimmed SDK answers credentials
 * and endpoints as the whole SDK does.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.js';
import { codeCacheFile } from '../../scripts/lambda/code-cache.js';
import { TABLE_NAME_DEFAULT } from '../../src/data/table.js';
import {
  type EmbeddedDynamo,
  ensureTable,
  localDynamoClient,
  startDynalite,
} from '../../src/local/dynamodb.js';
import { apiEvent } from '../support/events.js';

const run = promisify(execFile);
let work: string;
let dynamo: EmbeddedDynamo;

/** Under node_modules/.cache so a stub handler resolves the repository's packages. */
function workDir(): string {
  const cache = fileURLToPath(new URL('../../node_modules/.cache', import.meta.url));
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(join(cache, 'task-api-lambda-'));
}

/** A fresh Node imports the bundle's index.mjs and calls its handler once, as Lambda does. */
async function invoke(dir: string, event: unknown, env: Record<string, string> = {}) {
  const entry = pathToFileURL(join(dir, 'index.mjs')).href;
  const script = `const m = await import(${JSON.stringify(entry)});
const result = await m.handler(JSON.parse(process.env.EVENT), { awsRequestId: 'r', getRemainingTimeInMillis: () => 5000 });
process.stdout.write('RESULT ' + JSON.stringify({ codeCacheUsed: m.codeCacheUsed, result }) + '\\n');`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env, EVENT: JSON.stringify(event) },
  });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT ')) ?? '';
  return JSON.parse(line.slice(7)) as {
    codeCacheUsed: boolean;
    result: { statusCode: number; body: string };
  };
}

/** Every file's name, size and modification time: what a read-only /var/task must keep. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.size} ${s.mtimeMs}`;
    })
    .sort();
}

beforeAll(async () => {
  work = workDir();
  dynamo = await startDynalite();
  const admin = localDynamoClient(dynamo.endpoint);
  await ensureTable(admin, TABLE_NAME_DEFAULT);
  admin.destroy();
  await build({
    outDir: join(work, 'dist'),
    operationIds: ['createTask', 'getTask'],
    log: () => {},
  });
}, 120_000);

afterAll(async () => {
  await dynamo?.close();
  chmodSync(work, 0o755);
  for (const name of readdirSync(work, { recursive: true, encoding: 'utf8' })) {
    chmodSync(join(work, name), 0o755);
  }
  rmSync(work, { recursive: true, force: true });
});

const env = () => ({ DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'us-east-1' });
const create = (sub: string) =>
  apiEvent({ method: 'POST', resource: '/tasks', sub, body: { title: 'from the bundle' } });

describe('the handler bundles', () => {
  it('create and read a task, with the code cache taken', async () => {
    const created = await invoke(join(work, 'dist/createTask'), create('u1'), env());
    const task = JSON.parse(created.result.body);
    const read = await invoke(
      join(work, 'dist/getTask'),
      apiEvent({
        method: 'GET',
        resource: '/tasks/{taskId}',
        sub: 'u1',
        pathParameters: { taskId: task.task_id },
      }),
      env(),
    );

    expect(created).toMatchObject({ codeCacheUsed: true, result: { statusCode: 201 } });
    expect(read).toMatchObject({ codeCacheUsed: true, result: { statusCode: 200 } });
    expect(JSON.parse(read.result.body)).toEqual(task);
  }, 60_000);

  it('serve from a read-only directory whose cache V8 refuses, writing nothing', async () => {
    const dir = join(work, 'readonly');
    cpSync(join(work, 'dist/createTask'), dir, { recursive: true });
    // A cache this Node refuses (its checksum no longer matches), as one from another build.
    const cache = join(dir, codeCacheFile());
    const bytes = readFileSync(cache);
    bytes.fill(0xff, 8, 16);
    writeFileSync(cache, bytes);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o444);
    chmodSync(dir, 0o555);
    const before = snapshot(dir);

    const created = await invoke(dir, create('u2'), env());

    expect(created).toMatchObject({ codeCacheUsed: false, result: { statusCode: 201 } });
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('serve without any cache (another Node build finds none under its name)', async () => {
    const dir = join(work, 'nocache');
    cpSync(join(work, 'dist/createTask'), dir, { recursive: true });
    rmSync(join(dir, codeCacheFile()));

    const created = await invoke(dir, create('u3'), env());

    expect(created).toMatchObject({ codeCacheUsed: false, result: { statusCode: 201 } });
  }, 60_000);
});

describe('the trimmed AWS SDK', () => {
  let dir: string;
  beforeAll(async () => {
    const src = join(work, 'probe-src');
    mkdirSync(src, { recursive: true });
    // A probe handler: the DynamoDB client's credentials and endpoints as its bundle resolves them.
    writeFileSync(
      join(src, 'getTask.ts'),
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export const handler = async (event: { params: Record<string, unknown>[] }) => {
  const { accessKeyId, secretAccessKey, sessionToken } = await client.config.credentials();
  const endpoints = event.params.map((p) => {
    try { return client.config.endpointProvider(p).url.href; } catch (e) { return (e as Error).message; }
  });
  return { statusCode: 200, body: JSON.stringify({ accessKeyId, secretAccessKey, sessionToken, endpoints }) };
};
`,
    );
    await build({
      handlersDir: src,
      outDir: join(work, 'probe'),
      operationIds: ['getTask'],
      log: () => {},
    });
    dir = join(work, 'probe/getTask');
  }, 120_000);

  const CREDENTIALS = {
    AWS_ACCESS_KEY_ID: 'AKIDENV',
    AWS_SECRET_ACCESS_KEY: 'env-secret',
    AWS_SESSION_TOKEN: 'env-token',
  };
  const base = { UseFIPS: false, UseDualStack: false, AccountIdEndpointMode: 'preferred' };
  const PARAMS = [
    { ...base, Region: 'us-east-1', ResourceArn: 'TaskApi-Table' },
    { ...base, Region: 'eu-west-3' },
    { ...base, Region: 'ap-southeast-7' },
    { ...base, Region: 'us-east-1', Endpoint: 'http://127.0.0.1:4567' },
    { ...base, Region: 'us-east-1', UseFIPS: true },
    { ...base, Region: 'us-east-1', UseDualStack: true },
    { ...base, Region: 'us-east-1', AccountId: '123456789012' },
    { ...base, Region: 'us-east-1', AccountIdEndpointMode: 'required' },
    {
      ...base,
      Region: 'us-east-1',
      ResourceArn: 'arn:aws:dynamodb:us-east-1:210987654321:table/T',
    },
    { ...base, Region: 'us-gov-west-1' },
    { ...base, Region: 'cn-north-1' },
    { ...base, Region: 'local' },
  ];

  it('resolve every endpoint as the SDK rules do', async () => {
    const rules = createRequire(import.meta.url)(join(dir, 'endpoint-rules.cjs'));
    const expected = PARAMS.map((p) => {
      try {
        return rules.defaultEndpointResolver(p).url.href;
      } catch (e) {
        return (e as Error).message;
      }
    });

    const { result } = await invoke(
      dir,
      { params: PARAMS },
      { ...CREDENTIALS, AWS_REGION: 'us-east-1' },
    );

    expect(JSON.parse(result.body).endpoints).toEqual(expected);
    expect(expected[0]).toBe('https://dynamodb.us-east-1.amazonaws.com/');
  }, 60_000);

  it('take credentials from the environment as Lambda sets them', async () => {
    const { result } = await invoke(
      dir,
      { params: [] },
      { ...CREDENTIALS, AWS_REGION: 'us-east-1' },
    );

    expect(JSON.parse(result.body)).toMatchObject({
      accessKeyId: 'AKIDENV',
      secretAccessKey: 'env-secret',
      sessionToken: 'env-token',
    });
  }, 60_000);

  it('fall back to the whole provider chain for a profile', async () => {
    const config = join(work, 'aws-credentials');
    writeFileSync(config, '[probe]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n');

    const { result } = await invoke(
      dir,
      { params: [] },
      {
        AWS_REGION: 'us-east-1',
        AWS_PROFILE: 'probe',
        AWS_SHARED_CREDENTIALS_FILE: config,
        AWS_CONFIG_FILE: join(work, 'no-config'),
      },
    );

    expect(JSON.parse(result.body)).toMatchObject({ accessKeyId: 'AKIDFILE' });
  }, 60_000);

  it('leave the chain and the rules out of the bundle itself', () => {
    const app = readFileSync(join(dir, 'app.cjs'), 'utf8');

    expect(app).not.toContain('Skipping SSO provider');
    expect(readFileSync(join(dir, 'credential-chain.cjs'), 'utf8')).toContain(
      'Skipping SSO provider',
    );
  });
});
