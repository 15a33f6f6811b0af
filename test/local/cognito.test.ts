/** The embedded Cognito: the seeded pool, its reuse on restart, and the sign-up flows of the local stack. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { type CodeDelivery, type LocalCognito, startCognito } from '../../src/local/cognito.js';
import { REPO_ROOT } from '../../src/local/docs.js';
import { cognitoClient, decodeJwt } from '../support/stack.js';

const started: LocalCognito[] = [];
const dirs: string[] = [];

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, codes: CodeDelivery[] = []) {
  const cognito = await startCognito({ dataDir, onCode: (d) => codes.push(d) });
  started.push(cognito);
  return {
    cognito,
    client: cognitoClient({ cognitoEndpoint: cognito.endpoint, region: 'us-east-1' }),
  };
}

afterEach(async () => {
  for (const c of started.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const PASSWORD = 'Passw0rdPassw0rd';

describe('the seeded user pool', () => {
  it('has an AWS-style id, email usernames, the task-app-web client and the admins group', async () => {
    const { cognito, client } = await start(await tempDir());

    expect(cognito.userPoolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    const { UserPool } = await client.send(
      new DescribeUserPoolCommand({ UserPoolId: cognito.userPoolId }),
    );
    expect(UserPool).toMatchObject({
      Name: 'task-app-users',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
    });
    const { UserPoolClient } = await client.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: cognito.userPoolId,
        ClientId: cognito.clientId,
      }),
    );
    expect(UserPoolClient?.ClientName).toBe('task-app-web');
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual(
      expect.arrayContaining([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
    );
    const { Group } = await client.send(
      new GetGroupCommand({ UserPoolId: cognito.userPoolId, GroupName: 'admins' }),
    );
    expect(Group?.GroupName).toBe('admins');
    expect(cognito.jwksUrl).toBe(`${cognito.endpoint}/${cognito.userPoolId}/.well-known/jwks.json`);
  });

  it('is reused with its users when started again on the same data dir', async () => {
    const dir = await tempDir();
    const first = await start(dir);
    const email = 'keep@example.com';
    await first.client.send(
      new SignUpCommand({ ClientId: first.cognito.clientId, Username: email, Password: PASSWORD }),
    );
    await first.cognito.close();
    started.length = 0;

    const second = await start(dir);

    expect(second.cognito.userPoolId).toBe(first.cognito.userPoolId);
    expect(second.cognito.clientId).toBe(first.cognito.clientId);
    await expect(
      second.client.send(
        new SignUpCommand({
          ClientId: second.cognito.clientId,
          Username: email,
          Password: PASSWORD,
        }),
      ),
    ).rejects.toThrow(/exists/);
  });

  it('listens where it is told, not where a PORT env var says', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const busy = (blocker.address() as { port: number }).port;
    // cognito-local reads PORT when loaded: a process of its own, with PORT in its environment.
    const child = `
      const { startCognito } = await import('./src/local/cognito.ts');
      const c = await startCognito({ dataDir: ${JSON.stringify(await tempDir())}, onCode: () => {} });
      console.log(JSON.stringify({ port: c.port, endpoint: c.endpoint }));
      await c.close();`;
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', child],
        { cwd: REPO_ROOT, env: { ...process.env, PORT: String(busy) } },
      );
      const cognito = JSON.parse(stdout) as { port: number; endpoint: string };

      expect(cognito.port).not.toBe(busy);
      expect(cognito.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      blocker.close();
    }
  });
});

describe('sign-up', () => {
  it('delivers a code that confirm-sign-up accepts, then signs in with an AWS-issuer ID token', async () => {
    const codes: CodeDelivery[] = [];
    const { cognito, client } = await start(await tempDir(), codes);
    const email = 'new@example.com';

    const signUp = await client.send(
      new SignUpCommand({ ClientId: cognito.clientId, Username: email, Password: PASSWORD }),
    );
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.CodeDeliveryDetails).toMatchObject({
      DeliveryMedium: 'EMAIL',
      Destination: email,
    });
    expect(codes).toEqual([expect.objectContaining({ source: 'SignUp', destination: email })]);
    expect(codes[0]?.code).toMatch(/^\d{6}$/);

    await client.send(
      new ConfirmSignUpCommand({
        ClientId: cognito.clientId,
        Username: email,
        ConfirmationCode: codes[0]?.code,
      }),
    );
    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: cognito.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD },
      }),
    );

    const claims = decodeJwt(auth.AuthenticationResult?.IdToken ?? '').payload;
    expect(claims).toMatchObject({
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${cognito.userPoolId}`,
      aud: cognito.clientId,
      token_use: 'id',
      email,
      sub: signUp.UserSub,
      email_verified: true,
    });
    expect(cognito.issuer).toBe(claims.iss);
  });

  it('refuses a wrong confirmation code', async () => {
    const { cognito, client } = await start(await tempDir());
    await client.send(
      new SignUpCommand({
        ClientId: cognito.clientId,
        Username: 'a@example.com',
        Password: PASSWORD,
      }),
    );

    await expect(
      client.send(
        new ConfirmSignUpCommand({
          ClientId: cognito.clientId,
          Username: 'a@example.com',
          ConfirmationCode: '000000x',
        }),
      ),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });
  });

  it('resends a new code that replaces the first', async () => {
    const codes: CodeDelivery[] = [];
    const { cognito, client } = await start(await tempDir(), codes);
    const email = 'resend@example.com';
    await client.send(
      new SignUpCommand({ ClientId: cognito.clientId, Username: email, Password: PASSWORD }),
    );

    await client.send(
      new ResendConfirmationCodeCommand({ ClientId: cognito.clientId, Username: email }),
    );

    expect(codes.map((c) => c.source)).toEqual(['SignUp', 'ResendCode']);
    await client.send(
      new ConfirmSignUpCommand({
        ClientId: cognito.clientId,
        Username: email,
        ConfirmationCode: codes[1]?.code,
      }),
    );
  });

  it.each([
    { name: 'a short password', password: 'Sh0rtPass' },
    { name: 'a password without digits', password: 'PasswordPassword' },
    { name: 'a password without upper case', password: 'passw0rdpassw0rd' },
  ])('refuses $name, as the pool policy does on AWS', async ({ password }) => {
    const { cognito, client } = await start(await tempDir());

    await expect(
      client.send(
        new SignUpCommand({
          ClientId: cognito.clientId,
          Username: 'p@example.com',
          Password: password,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidPasswordException' });
  });
});

describe('attributes a caller may not set, refused as Cognito does', () => {
  // Cognito generates `sub` and allows only the pool's own attributes; the pool declares no
  // custom ones. https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
  const OPERATIONS = [
    'SignUp',
    'AdminCreateUser',
    'UpdateUserAttributes',
    'AdminUpdateUserAttributes',
  ] as const;
  type Operation = (typeof OPERATIONS)[number];

  async function setup() {
    const { cognito, client } = await start(await tempDir());
    const signUp = async (email: string, attributes: AttributeType[] = []) =>
      client.send(
        new SignUpCommand({
          ClientId: cognito.clientId,
          Username: email,
          Password: PASSWORD,
          UserAttributes: attributes,
        }),
      );
    const victim = await signUp('victim@example.com');
    const user = 'user@example.com';
    await signUp(user);
    await client.send(
      new AdminConfirmSignUpCommand({ UserPoolId: cognito.userPoolId, Username: user }),
    );
    const { AuthenticationResult } = await client.send(
      new InitiateAuthCommand({
        ClientId: cognito.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user, PASSWORD },
      }),
    );
    const send = (operation: Operation, attributes: AttributeType[]) => {
      const UserAttributes = attributes;
      switch (operation) {
        case 'SignUp':
          return signUp('new@example.com', UserAttributes);
        case 'AdminCreateUser':
          return client.send(
            new AdminCreateUserCommand({
              UserPoolId: cognito.userPoolId,
              Username: 'new@example.com',
              UserAttributes,
              MessageAction: 'SUPPRESS',
            }),
          );
        case 'UpdateUserAttributes':
          return client.send(
            new UpdateUserAttributesCommand({
              AccessToken: AuthenticationResult?.AccessToken,
              UserAttributes,
            }),
          );
        case 'AdminUpdateUserAttributes':
          return client.send(
            new AdminUpdateUserAttributesCommand({
              UserPoolId: cognito.userPoolId,
              Username: user,
              UserAttributes,
            }),
          );
      }
    };
    const subOf = async (username: string) =>
      (
        await client.send(
          new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: username }),
        )
      ).UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    return { client, cognito, send, subOf, victimSub: victim.UserSub as string, user };
  }

  it.each(OPERATIONS)(
    '%s refuses `sub` with InvalidParameterException, the sub unchanged',
    async (operation) => {
      const { send, subOf, victimSub, user } = await setup();
      const userSub = await subOf(user);

      await expect(send(operation, [{ Name: 'sub', Value: victimSub }])).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringContaining('sub'),
      });

      expect(await subOf(user)).toBe(userSub);
      if (operation === 'SignUp' || operation === 'AdminCreateUser') {
        await expect(subOf('new@example.com')).rejects.toMatchObject({
          name: 'UserNotFoundException',
        });
      }
    },
  );

  it.each(OPERATIONS)(
    '%s refuses an undeclared custom attribute with InvalidParameterException',
    async (operation) => {
      const { send } = await setup();

      await expect(
        send(operation, [{ Name: 'custom:role', Value: 'admin' }]),
      ).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringContaining('custom:role: Attribute does not exist in the schema.'),
      });
    },
  );

  it.each(OPERATIONS)('%s still accepts a declared attribute', async (operation) => {
    const { send } = await setup();

    await expect(send(operation, [{ Name: 'name', Value: 'Ada' }])).resolves.toBeDefined();
  });
});
