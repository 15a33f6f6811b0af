/** The embedded Cognito: the seeded pool, its reuse on restart, sign-up and sign-in. */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import {
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_CLIENT_READ_ATTRIBUTES,
  APP_CLIENT_WRITE_ATTRIBUTES,
} from '../../src/contract/app-client.js';
import type { CodeDelivery } from '../../src/local/cognito.js';
import { REPO_ROOT } from '../../src/local/docs.js';
import {
  closeCognito,
  PASSWORD,
  startTestCognito as start,
  stopCognitos,
  tempDir,
} from '../support/localCognito.js';
import { decodeJwt } from '../support/stack.js';

afterEach(stopCognitos);

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
    // As the stack's client (infra/auth.ts), from the same lists.
    expect(UserPoolClient).toMatchObject({
      ReadAttributes: [...APP_CLIENT_READ_ATTRIBUTES],
      WriteAttributes: [...APP_CLIENT_WRITE_ATTRIBUTES],
      PreventUserExistenceErrors: 'ENABLED',
    });
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
    await closeCognito(first.cognito);

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

  it("gives a client saved by an older seed today's attribute permissions on restart", async () => {
    const dir = await tempDir();
    const first = await start(dir);
    const ids = { UserPoolId: first.cognito.userPoolId, ClientId: first.cognito.clientId };
    await first.client.send(
      new UpdateUserPoolClientCommand({
        ...ids,
        WriteAttributes: ['email', 'email_verified'],
        PreventUserExistenceErrors: 'LEGACY',
      }),
    );
    await closeCognito(first.cognito);

    const second = await start(dir);

    expect(second.cognito.clientId).toBe(first.cognito.clientId);
    const { UserPoolClient } = await second.client.send(new DescribeUserPoolClientCommand(ids));
    expect(UserPoolClient).toMatchObject({
      WriteAttributes: [...APP_CLIENT_WRITE_ATTRIBUTES],
      PreventUserExistenceErrors: 'ENABLED',
    });
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
