/** `npm start` as a developer runs it: up, outputs.json, SIGTERM, and data kept across a restart. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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
import { walkthrough } from '../../src/local/walkthrough.js';
import { freePort, freePorts, type NpmStart, npmStart, readOutputs } from '../support/npmStart.js';
import { cognitoClient } from '../support/stack.js';

const PASSWORD = 'Passw0rdPassw0rd';

let dataDir: string;
let env: Record<string, string>;
const running: NpmStart[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'npm-start-test-'));
  env = { ...(await freePorts()), LOCAL_DATA_DIR: dataDir };
});

afterAll(async () => {
  for (const r of running) r.kill();
  await rm(dataDir, { recursive: true, force: true });
});

/** In its own process group, as a terminal runs it, so Ctrl-C reaches npm and node at once. */
function start(extra: Record<string, string> = {}, via: 'npm' | 'node' = 'npm'): NpmStart {
  const r = npmStart({ ...env, ...extra }, { via, group: true });
  running.push(r);
  return r;
}

const outputs = () => readOutputs(dataDir);

describe('npm start', () => {
  const email = `keep-${Date.now()}@example.com`;
  const item = { PK: { S: 'USER#restart-test' }, SK: { S: 'TASK#01JD7Z8Q3X5M2N4P6R8T0V2W4Y' } };
  let first: Record<string, string>;

  it('comes up on the given ports and writes outputs.json with the stack output keys', async () => {
    const r = start();
    await r.up();

    first = await outputs();
    expect(first).toEqual({
      ApiUrl: `http://127.0.0.1:${env.PORT}`,
      UserPoolId: expect.stringMatching(/^us-east-1_[A-Za-z0-9]{9}$/),
      UserPoolClientId: expect.any(String),
      Region: 'us-east-1',
      TableName: 'TaskApp',
      CognitoEndpoint: `http://127.0.0.1:${env.COGNITO_PORT}`,
      DynamoDbEndpoint: `http://127.0.0.1:${env.DYNAMODB_PORT}`,
      WebUrl: `http://127.0.0.1:${env.WEB_PORT}`,
    });
    expect(r.stdout()).toContain(`WebUrl     ${first.WebUrl}`);
    expect(r.stdout()).toContain(walkthrough(join(dataDir, 'outputs.json')));
  });

  it('serves the task board on its own origin, pointed at this stack, which the API lets it call', async () => {
    const page = await fetch(`${first.WebUrl}/`);
    const config = await fetch(`${first.WebUrl}/config.json`);
    const preflight = await fetch(`${first.ApiUrl}/tasks`, {
      method: 'OPTIONS',
      headers: { Origin: first.WebUrl as string, 'Access-Control-Request-Method': 'POST' },
    });

    expect(await page.text()).toContain('<div id="app">');
    expect(await config.json()).toEqual({
      apiUrl: first.ApiUrl,
      cognitoEndpoint: first.CognitoEndpoint,
      clientId: first.UserPoolClientId,
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(first.WebUrl);
  });

  it('serves the spec and refuses the API without a token', async () => {
    const spec = await fetch(`${first.ApiUrl}/openapi.yaml`);
    const tasks = await fetch(`${first.ApiUrl}/tasks`);

    expect(spec.status).toBe(200);
    expect(tasks.status).toBe(401);
  });

  it('prints the sign-up code, which confirm-sign-up accepts', async () => {
    const r = running[0] as NpmStart;
    const cognito = cognitoClient({
      cognitoEndpoint: first.CognitoEndpoint as string,
      region: 'us-east-1',
    });
    await cognito.send(
      new SignUpCommand({ ClientId: first.UserPoolClientId, Username: email, Password: PASSWORD }),
    );

    const [, code] = await r.waitFor(new RegExp(`SignUp code for ${email}: (\\d{6})`));
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
    const other = start(await freePorts(), 'node');

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
        WEB_PORT: String(await freePort()),
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
    const r = running[0] as NpmStart;

    expect(await r.stop()).toBe(0);
    expect(r.stdout()).toContain('[local] SIGTERM: stopping');
    expect(r.stdout()).toContain('[local] stopped');
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
  });

  it('keeps the pool, client, user and table data across a restart', async () => {
    const r = start();
    await r.up();

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
    const r = running.at(-1) as NpmStart;

    await r.ctrlC();

    expect(r.stdout()).toContain('[local] SIGINT: stopping');
    expect(r.stdout()).toContain('[local] stopped');
    expect(r.stderr()).not.toContain('without a clean stop');
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
  });
});
