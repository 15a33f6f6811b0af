/** Password sign-in on the embedded Cognito: refusals that tell nothing of who has an account. */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, startTestCognito, stopCognitos } from '../support/localCognito.js';

afterEach(stopCognitos);

// Cognito answers a wrong password, and an unknown user when the client prevents user existence
// errors, with one NotAuthorizedException: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
describe('sign-in with USER_PASSWORD_AUTH, answered as Cognito does', () => {
  const INCORRECT = {
    name: 'NotAuthorizedException',
    message: 'Incorrect username or password.',
  };

  async function setup() {
    const { cognito, client } = await startTestCognito();
    const signIn = (USERNAME: string, password: string) =>
      client.send(
        new InitiateAuthCommand({
          ClientId: cognito.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD: password },
        }),
      );
    const users = {
      /** Signed up and confirmed. */
      confirmed: async (email: string) => {
        await client.send(
          new SignUpCommand({ ClientId: cognito.clientId, Username: email, Password: PASSWORD }),
        );
        await client.send(
          new AdminConfirmSignUpCommand({ UserPoolId: cognito.userPoolId, Username: email }),
        );
      },
      /** Made by an administrator with a temporary password (FORCE_CHANGE_PASSWORD). */
      invited: async (email: string) => {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: cognito.userPoolId,
            Username: email,
            TemporaryPassword: PASSWORD,
            MessageAction: 'SUPPRESS',
          }),
        );
      },
    };
    return { signIn, users };
  }

  it.each([
    { kind: 'confirmed', who: 'a user who signed up' },
    { kind: 'invited', who: 'a user an administrator made (temporary password)' },
  ] as const)(
    'refuses a wrong password of $who with NotAuthorizedException "Incorrect username or password."',
    async ({ kind }) => {
      const { signIn, users } = await setup();
      await users[kind]('known@example.com');

      await expect(signIn('known@example.com', 'Wrong-passw0rd')).rejects.toMatchObject(INCORRECT);
    },
  );

  it('refuses an unknown user with the same answer, so it does not tell who has an account', async () => {
    const { signIn } = await setup();

    await expect(signIn('nobody@example.com', PASSWORD)).rejects.toMatchObject(INCORRECT);
  });

  it('still signs in a confirmed user, and challenges an invited one, with the right password', async () => {
    const { signIn, users } = await setup();
    await users.confirmed('confirmed@example.com');
    await users.invited('invited@example.com');

    const confirmed = await signIn('confirmed@example.com', PASSWORD);
    const invited = await signIn('invited@example.com', PASSWORD);

    expect(confirmed.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(invited.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});
