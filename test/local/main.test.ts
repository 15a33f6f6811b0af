/** `npm start` as a developer runs it: up, outputs.json, SIGTERM, and data kept across a restart. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/local/docs.js';
import { localDynamoClient } from '../../src/local/dynamodb.js';
import { cognitoClient } from '../support/stack.js';

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start`, or main.ts directly (no npm noise on stderr) when checking error output. */
function run(env: Record<string, string>, via: 'npm' | 'node' = 'npm'): Run {
  const [command, args] =
    via === 'npm'
      ? ['npm', ['start']]
      : [process.execPath, ['--import', 'tsx', 'src/local/main.ts']];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, LOCAL_BUILD_DOCS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal gives it: Ctrl-C signals the group.
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  // 'close' waits for every process holding the pipes, so a stray node would keep it open.
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(r: Run, pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const m = r.stdout().match(pattern);
    if (m) return m;
    if (r.child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no ${pattern} in output\nstdout:\n${r.stdout()}\nstderr:\n${r.stderr()}`);
}

async function stop(r: Run, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  r.child.kill(signal);
  return r.exited;
}

/** Ctrl-C in a terminal: SIGINT to npm and node at once. */
async function ctrlC(r: Run): Promise<number | null> {
  process.kill(-(r.child.pid as number), 'SIGINT');
  return r.exited;
}

/** Whatever a failed test left running in the group; only our own children. */
function killGroup(r: Run): void {
  try {
    process.kill(-(r.child.pid as number), 'SIGKILL');
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const UP = /local stack is up/;
const PASSWORD = 'Passw0rdPassw0rd';

let dataDir: string;
let env: Record<string, string>;
const running: Run[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'npm-start-test-'));
  env = {
    PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    COGNITO_PORT: String(await freePort()),
    LOCAL_DATA_DIR: dataDir,
  };
});

afterAll(async () => {
  for (const r of running) killGroup(r);
  await rm(dataDir, { recursive: true, force: true });
});

function start(extra: Record<string, string> = {}, via: 'npm' | 'node' = 'npm'): Run {
  const r = run({ ...env, ...extra }, via);
  running.push(r);
  return r;
}

async function outputs(): Promise<Record<string, string>> {
  return JSON.parse(await readFile(join(dataDir, 'outputs.json'), 'utf8'));
}

describe('npm start', () => {
  const email = `keep-${Date.now()}@example.com`;
  const item = { PK: { S: 'USER#restart-test' }, SK: { S: 'TASK#01JD7Z8Q3X5M2N4P6R8T0V2W4Y' } };
  let first: Record<string, string>;

  it('comes up on the given ports and writes outputs.json with the stack output keys', async () => {
    const r = start();
    await waitFor(r, UP);

    first = await outputs();
    expect(first).toEqual({
      ApiUrl: `http://127.0.0.1:${env.PORT}`,
      UserPoolId: expect.stringMatching(/^us-east-1_[A-Za-z0-9]{9}$/),
      UserPoolClientId: expect.any(String),
      Region: 'us-east-1',
      TableName: 'TaskApp',
      CognitoEndpoint: `http://127.0.0.1:${env.COGNITO_PORT}`,
      DynamoDbEndpoint: `http://127.0.0.1:${env.DYNAMODB_PORT}`,
    });
    expect(r.stdout()).toContain(`aws cognito-idp sign-up --client-id ${first.UserPoolClientId}`);
    expect(r.stdout()).toContain('--auth-flow USER_PASSWORD_AUTH');
  });

  it('serves the spec and refuses the API without a token', async () => {
    const spec = await fetch(`${first.ApiUrl}/openapi.yaml`);
    const tasks = await fetch(`${first.ApiUrl}/tasks`);

    expect(spec.status).toBe(200);
    expect(tasks.status).toBe(401);
  });

  it('prints the sign-up code, which confirm-sign-up accepts', async () => {
    const r = running[0] as Run;
    const cognito = cognitoClient({
      cognitoEndpoint: first.CognitoEndpoint as string,
      region: 'us-east-1',
    });
    await cognito.send(
      new SignUpCommand({ ClientId: first.UserPoolClientId, Username: email, Password: PASSWORD }),
    );

    const [, code] = await waitFor(r, new RegExp(`SignUp code for ${email}: (\\d{6})`));
    await cognito.send(
      new ConfirmSignUpCommand({
        ClientId: first.UserPoolClientId,
        Username: email,
        ConfirmationCode: code,
      }),
    );
    cognito.destroy();
    expect(r.stdout()).toContain(
      `confirm-sign-up --client-id ${first.UserPoolClientId} --username ${email}`,
    );
  });

  it('passes the end-to-end suite run as `npm run test:deployed -- <its outputs.json>`', async () => {
    const suite = spawnSync('npm', ['run', 'test:deployed', '--', join(dataDir, 'outputs.json')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips vitest's colours
    const out = (suite.stdout + suite.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    expect(out).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    expect(suite.status, suite.stdout + suite.stderr).toBe(0);
  }, 150_000);

  it('keeps a DynamoDB item written while it runs', async () => {
    const dynamo = localDynamoClient(first.DynamoDbEndpoint as string);
    await dynamo.send(new PutItemCommand({ TableName: 'TaskApp', Item: item }));
    dynamo.destroy();
  });

  it('refuses a second start on the same data dir with a clear one-line error', async () => {
    const other = start(
      {
        PORT: String(await freePort()),
        DYNAMODB_PORT: String(await freePort()),
        COGNITO_PORT: String(await freePort()),
      },
      'node',
    );

    expect(await other.exited).toBe(1);
    const ours = other
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('[local]'));
    expect(ours).toEqual([
      expect.stringMatching(/^\[local\] cannot start: data dir .* is in use by process \d+/),
    ]);
    expect(other.stderr()).not.toMatch(/^\s+at /m);
  });

  it('refuses a port in use with a clear one-line error, not a stack trace', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'npm-start-busy-'));
    const busy = start(
      {
        LOCAL_DATA_DIR: otherDir,
        DYNAMODB_PORT: String(await freePort()),
        COGNITO_PORT: String(await freePort()),
      },
      'node',
    );

    expect(await busy.exited).toBe(1);
    await rm(otherDir, { recursive: true, force: true });
    const ours = busy
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('[local]'));
    expect(ours).toEqual([
      `[local] cannot start: port ${env.PORT} (api) is already in use on 127.0.0.1; stop what holds it or set PORT`,
    ]);
    expect(busy.stderr()).not.toMatch(/^\s+at /m);
  });

  it('stops cleanly on SIGTERM to npm and releases the data dir', async () => {
    const r = running[0] as Run;

    expect(await stop(r)).toBe(0);
    expect(r.stdout()).toContain('[local] SIGTERM: stopping');
    expect(r.stdout()).toContain('[local] stopped');
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
  });

  it('keeps the pool, client, user and table data across a restart', async () => {
    const r = start();
    await waitFor(r, UP);

    const again = await outputs();
    expect(again).toEqual(first);
    const cognito = cognitoClient({
      cognitoEndpoint: again.CognitoEndpoint as string,
      region: 'us-east-1',
    });
    const auth = await cognito.send(
      new InitiateAuthCommand({
        ClientId: again.UserPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD },
      }),
    );
    cognito.destroy();
    expect(auth.AuthenticationResult?.IdToken).toBeTruthy();
    const dynamo = localDynamoClient(again.DynamoDbEndpoint as string);
    const { Item } = await dynamo.send(new GetItemCommand({ TableName: 'TaskApp', Key: item }));
    dynamo.destroy();
    expect(Item).toEqual(item);
    const res = await fetch(`${again.ApiUrl}/tasks`, {
      headers: { Authorization: `Bearer ${auth.AuthenticationResult?.IdToken}` },
    });
    expect(res.status).not.toBe(401);
  });

  it('stops cleanly on Ctrl-C, though npm forwards a second SIGINT', async () => {
    const r = running.at(-1) as Run;

    await ctrlC(r);

    expect(r.stdout()).toContain('[local] SIGINT: stopping');
    expect(r.stdout()).toContain('[local] stopped');
    expect(r.stderr()).not.toContain('without a clean stop');
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
  });
});
