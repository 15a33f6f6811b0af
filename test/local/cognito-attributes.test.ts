/** Attributes written to the embedded Cognito: the pool's schema, then the app client's write permissions. */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, startTestCognito, stopCognitos } from '../support/localCognito.js';

afterEach(stopCognitos);

const OPERATIONS = [
  'SignUp',
  'AdminCreateUser',
  'UpdateUserAttributes',
  'AdminUpdateUserAttributes',
] as const;
type Operation = (typeof OPERATIONS)[number];
/** The operations an app client makes, bound by its write permissions. */
const CLIENT_OPERATIONS = ['SignUp', 'UpdateUserAttributes'] as const;
/** The administrator's operations, authorized by IAM instead. */
const ADMIN_OPERATIONS = ['AdminCreateUser', 'AdminUpdateUserAttributes'] as const;

/** A pool with an unconfirmed `victim`, and `user` signed in through the app client. */
async function setup() {
  const { cognito, client } = await startTestCognito();
  const signUp = async (email: string, attributes: AttributeType[] = [], clientId?: string) =>
    client.send(
      new SignUpCommand({
        ClientId: clientId ?? cognito.clientId,
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
  /** Who the operation writes to: a new user, or `user`. */
  const subject = (operation: Operation) =>
    operation === 'SignUp' || operation === 'AdminCreateUser' ? 'new@example.com' : user;
  const send = (operation: Operation, UserAttributes: AttributeType[]) => {
    switch (operation) {
      case 'SignUp':
        return signUp(subject(operation), UserAttributes);
      case 'AdminCreateUser':
        return client.send(
          new AdminCreateUserCommand({
            UserPoolId: cognito.userPoolId,
            Username: subject(operation),
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
  const attributesOf = async (username: string) =>
    Object.fromEntries(
      (
        await client.send(
          new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: username }),
        )
      ).UserAttributes?.map((a) => [a.Name, a.Value]) ?? [],
    );
  const subOf = async (username: string) => (await attributesOf(username)).sub;
  return {
    client,
    cognito,
    send,
    signUp,
    subject,
    attributesOf,
    subOf,
    victimSub: victim.UserSub as string,
    user,
  };
}

// Cognito generates `sub` and allows only the pool's own attributes; the pool declares no
// custom ones. https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
describe("the pool's schema, for every writer", () => {
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
});

// "If an app tries to update an attribute that is not writable, the app gets a
// NotAuthorizedException": https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
describe("the app client's write permissions (src/contract/app-client.ts)", () => {
  const UNAUTHORIZED = {
    name: 'NotAuthorizedException',
    message: 'A client attempted to write unauthorized attribute',
  };

  it.each(CLIENT_OPERATIONS)(
    '%s refuses email_verified with NotAuthorizedException, so nobody verifies an address without its code',
    async (operation) => {
      const { send, subject, attributesOf } = await setup();
      const address = subject(operation);

      await expect(
        send(operation, [
          { Name: 'email', Value: address },
          { Name: 'email_verified', Value: 'true' },
        ]),
      ).rejects.toMatchObject(UNAUTHORIZED);

      if (operation === 'SignUp') {
        await expect(attributesOf(address)).rejects.toMatchObject({
          name: 'UserNotFoundException',
        });
      } else {
        expect((await attributesOf(address)).email_verified).not.toBe('true');
      }
    },
  );

  it.each(CLIENT_OPERATIONS)(
    '%s refuses `name`, a schema attribute the client is not given',
    async (operation) => {
      const { send } = await setup();

      await expect(send(operation, [{ Name: 'name', Value: 'Ada' }])).rejects.toMatchObject(
        UNAUTHORIZED,
      );
    },
  );

  it.each(CLIENT_OPERATIONS)('%s still writes `email`, which sign-up needs', async (operation) => {
    const { send, subject, attributesOf } = await setup();
    const address = operation === 'SignUp' ? subject(operation) : 'changed@example.com';

    await send(operation, [{ Name: 'email', Value: address }]);

    // The address is the user's sign-in name (the pool's username attribute), so read it by it.
    const written = await attributesOf(address);
    expect(written.email).toBe(address);
    // A changed address is unverified until its code is confirmed, so no invitation follows it.
    expect(written.email_verified).not.toBe('true');
  });

  // AdminCreateUser and AdminUpdateUserAttributes are IAM-authorized; an administrator may mark an
  // address verified: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
  it.each(ADMIN_OPERATIONS)(
    '%s is not bound by them: it sets `name` and email_verified',
    async (operation) => {
      const { send, subject, attributesOf } = await setup();
      const address = subject(operation);

      await send(operation, [
        { Name: 'email', Value: address },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Ada' },
      ]);

      expect(await attributesOf(address)).toMatchObject({
        email: address,
        email_verified: 'true',
        name: 'Ada',
      });
    },
  );

  // Without WriteAttributes a client may write the standard attributes, not the verified flags:
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
  it('a client that declares none may write standard attributes but not email_verified', async () => {
    const { client, cognito, signUp } = await setup();
    const { UserPoolClient } = await client.send(
      new CreateUserPoolClientCommand({ UserPoolId: cognito.userPoolId, ClientName: 'other' }),
    );
    const other = UserPoolClient?.ClientId;

    await expect(
      signUp('a@example.com', [{ Name: 'email_verified', Value: 'true' }], other),
    ).rejects.toMatchObject(UNAUTHORIZED);
    await expect(
      signUp('b@example.com', [{ Name: 'name', Value: 'Ada' }], other),
    ).resolves.toMatchObject({ UserConfirmed: false });
  });
});
