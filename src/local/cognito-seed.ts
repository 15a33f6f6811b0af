/** The seed: the user pool (AWS-style id), the web app client and the `admins` group. */
import { randomInt } from 'node:crypto';
import type { Router } from 'cognito-local/lib/server/Router.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { APP_CLIENT_READ_ATTRIBUTES, APP_CLIENT_WRITE_ATTRIBUTES } from '../contract/app-client.js';
import { ADMIN_GROUP } from '../contract/problems.js';

export const USER_POOL_NAME = 'task-app-users';
export const APP_CLIENT_NAME = 'task-app-web';

/** The AWS pool's policy (docs/architecture.md#the-aws-stack): min 10 with upper, lower and digits. cognito-local stores but never checks it. */
export const PASSWORD_POLICY = {
  MinimumLength: 10,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: false,
  TemporaryPasswordValidityDays: 7,
} as const;

/** What the stack's client declares (infra/auth.ts), kept in step when a pool is reused. */
const CLIENT_SETTINGS = {
  ReadAttributes: [...APP_CLIENT_READ_ATTRIBUTES],
  WriteAttributes: [...APP_CLIENT_WRITE_ATTRIBUTES],
  PreventUserExistenceErrors: 'ENABLED',
} as const;

/** Reuses the pool, client and group found by name, so a restart keeps ids and users. */
export async function seed(
  ctx: Context,
  cognito: CognitoService,
  router: ReturnType<typeof Router>,
  region: string,
): Promise<{ userPoolId: string; clientId: string }> {
  const pools = await cognito.listUserPools(ctx);
  let pool = pools.find((p) => p.Name === USER_POOL_NAME);
  if (!pool) {
    // CreateUserPool would make a `local_...` id; AWS-style ids need the service itself.
    const id = `${region}_${randomId(9)}`;
    const now = new Date();
    pool = await cognito.createUserPool(ctx, {
      Id: id,
      Name: USER_POOL_NAME,
      Arn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${id}`,
      CreationDate: now,
      LastModifiedDate: now,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: { ...PASSWORD_POLICY } },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      MfaConfiguration: 'OFF',
    });
  }
  const userPoolId = pool.Id as string;

  const clients = await cognito.listAppClients(ctx, userPoolId);
  let clientId = clients.find((c) => c.ClientName === APP_CLIENT_NAME)?.ClientId;
  if (clientId) {
    // A client saved by an older seed gets today's settings; ids and users stay.
    await router('UpdateUserPoolClient')(ctx, {
      UserPoolId: userPoolId,
      ClientId: clientId,
      ...CLIENT_SETTINGS,
    });
  } else {
    const created = await router('CreateUserPoolClient')(ctx, {
      UserPoolId: userPoolId,
      ClientName: APP_CLIENT_NAME,
      GenerateSecret: false,
      ...CLIENT_SETTINGS,
      ExplicitAuthFlows: [
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
      // The AWS defaults: 60-minute ID and access tokens, 30-day refresh tokens.
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' },
    });
    clientId = created.UserPoolClient.ClientId as string;
  }

  // listGroups, not getGroupByGroupName: the latter fails until some group exists.
  const userPool = await cognito.getUserPool(ctx, userPoolId);
  const groups = await userPool.listGroups(ctx);
  if (!groups.some((g) => g.GroupName === ADMIN_GROUP)) {
    await router('CreateGroup')(ctx, {
      UserPoolId: userPoolId,
      GroupName: ADMIN_GROUP,
      Description: 'May list every user\u2019s tasks (GET /admin/tasks).',
    });
  }
  return { userPoolId, clientId };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomId(length: number): string {
  return Array.from({ length }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}
