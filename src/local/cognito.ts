/** Embedded Cognito (cognito-local) seeded like the AWS user pool of docs/architecture.md#the-local-stack. */
import { randomInt } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CognitoError } from 'cognito-local/lib/errors.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/triggers.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import type { Logger } from 'pino';
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

/** A verification code cognito-local would have e-mailed (sign-up, resend, forgot password). */
export interface CodeDelivery {
  source: string;
  destination: string;
  username: string;
  code: string;
  userPoolId: string;
  clientId: string | null;
}

export interface LocalCognitoOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** Where the pools, clients and users are kept; made absolute. */
  dataDir: string;
  /** For a new pool; a reused pool keeps the region in its id. @default 'us-east-1' */
  region?: string;
  /** @default prints the code and the confirm-sign-up command to the console */
  onCode?: (delivery: CodeDelivery) => void;
  /** cognito-local's own pino log level. @default 'error' */
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

export interface LocalCognito {
  endpoint: string;
  port: number;
  region: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

// pino is cognito-local's dependency; resolve it from there so hoisting does not matter.
const requireFromCognitoLocal = createRequire(
  createRequire(import.meta.url).resolve('cognito-local/package.json'),
);

/** Starts cognito-local on 127.0.0.1 with an absolute data dir, the AWS issuer and our seed. */
export async function startCognito(options: LocalCognitoOptions): Promise<LocalCognito> {
  const region = options.region ?? 'us-east-1';
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const pino = requireFromCognitoLocal('pino') as (opts: object) => Logger;
  const logger = pino({ level: options.logLevel ?? 'error', base: { name: 'cognito-local' } });
  const ctx: Context = { logger };

  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dataDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDir,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, { UsernameAttributes: ['email'] });

  // Known once listening and seeded; the printed confirm-sign-up command needs them.
  const seeded = { endpoint: '', region };
  const onCode = options.onCode ?? ((d) => printCode(d, seeded.endpoint, seeded.region));
  // Set once the pool is known: the issuer names the region in the pool id, as on AWS.
  const tokenConfig = { IssuerDomain: '' };
  const services: Services = {
    clock,
    cognito,
    config: {
      // Only these parts of cognito-local's config are read once its defaults are bypassed.
      UserPoolDefaults: { UsernameAttributes: ['email'] },
      TokenConfig: tokenConfig,
      TriggerFunctions: {},
      LambdaClient: {},
      ServerConfig: {},
    } as Services['config'],
    messages: codeMessages(onCode),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, noTriggers, tokenConfig),
    triggers: noTriggers,
  };
  const router = withAwsBehaviour(Router(services), services);
  const { userPoolId, clientId } = await seed(ctx, cognito, router, region);
  const poolRegion = userPoolId.split('_')[0] as string;
  tokenConfig.IssuerDomain = `https://cognito-idp.${poolRegion}.amazonaws.com`;
  seeded.region = poolRegion;

  const server = await listen(
    createServer(router, logger, { port: options.port ?? 0, hostname: '127.0.0.1' }, services),
    options.port ?? 0,
  );
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  seeded.endpoint = endpoint;
  return {
    endpoint,
    port,
    region: poolRegion,
    userPoolId,
    clientId,
    issuer: `${tokenConfig.IssuerDomain}/${userPoolId}`,
    jwksUrl: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
    dataDir,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((err) => (err ? fail(err) : done()));
        server.closeAllConnections();
      }),
  };
}

async function listen(
  app: ReturnType<typeof createServer>,
  port: number,
): Promise<import('node:http').Server> {
  try {
    return (await app.start()) as import('node:http').Server;
  } catch (err) {
    throw portError(err, port, 'cognito', 'COGNITO_PORT');
  }
}

/** A one-line error for a busy port, other errors unchanged. */
export function portError(err: unknown, port: number, what: string, envVar: string): unknown {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(
      `port ${port} (${what}) is already in use on 127.0.0.1; stop what holds it or set ${envVar}`,
    );
  }
  return err;
}

/** Reuses the pool, client and group found by name, so a restart keeps ids and users. */
async function seed(
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
  if (!clientId) {
    const created = await router('CreateUserPoolClient')(ctx, {
      UserPoolId: userPoolId,
      ClientName: APP_CLIENT_NAME,
      GenerateSecret: false,
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

/** Where cognito-local and Cognito differ in ways our clients can see, behave like Cognito. */
function withAwsBehaviour(
  router: ReturnType<typeof Router>,
  services: Services,
): ReturnType<typeof Router> {
  const { cognito } = services;
  return (target) => {
    if (target === 'ResendConfirmationCode') return (ctx, req) => resendCode(ctx, services, req);
    const route = router(target);
    const passwordField = PASSWORD_FIELDS[target];
    return async (ctx, req) => {
      if (passwordField && typeof req?.[passwordField] === 'string') {
        checkPassword(req[passwordField]);
      }
      const res = await route(ctx, req);
      if (target === 'ConfirmSignUp') await markEmailVerified(ctx, cognito, req);
      return res;
    };
  };
}

const PASSWORD_FIELDS: Record<string, string> = {
  SignUp: 'Password',
  AdminSetUserPassword: 'Password',
  ConfirmForgotPassword: 'Password',
  ChangePassword: 'ProposedPassword',
};

function checkPassword(password: string): void {
  const p = PASSWORD_POLICY;
  const broken = [
    password.length < p.MinimumLength && `must be at least ${p.MinimumLength} characters`,
    p.RequireUppercase && !/[A-Z]/.test(password) && 'must have uppercase characters',
    p.RequireLowercase && !/[a-z]/.test(password) && 'must have lowercase characters',
    p.RequireNumbers && !/[0-9]/.test(password) && 'must have numeric characters',
  ].filter(Boolean);
  if (broken.length > 0) {
    throw new CognitoError(
      'InvalidPasswordException',
      `Password did not conform with policy: password ${broken.join(', ')}`,
    );
  }
}

/** Cognito marks an auto-verified e-mail verified when the sign-up code is confirmed. */
async function markEmailVerified(
  ctx: Context,
  cognito: CognitoService,
  req: { ClientId: string; Username: string },
): Promise<void> {
  const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) return;
  const Attributes = [
    ...user.Attributes.filter((a) => a.Name !== 'email_verified'),
    { Name: 'email_verified', Value: 'true' },
  ];
  await userPool.saveUser(ctx, { ...user, Attributes });
}

/** Missing from cognito-local 5.3.0; a lost sign-up code is otherwise unrecoverable. */
async function resendCode(
  ctx: Context,
  { cognito, messages, otp: newCode }: Services,
  req: { ClientId: string; Username: string },
): Promise<{ CodeDeliveryDetails: object }> {
  const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user)
    throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
  }
  const email = user.Attributes.find((a) => a.Name === 'email')?.Value ?? '';
  const details = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email } as const;
  const code = newCode();
  await userPool.saveUser(ctx, { ...user, ConfirmationCode: code });
  await messages.deliver(
    ctx,
    'ResendCode',
    req.ClientId,
    userPool.options.Id,
    user,
    code,
    undefined,
    details,
  );
  return { CodeDeliveryDetails: details };
}

function codeMessages(onCode: (d: CodeDelivery) => void): Messages {
  return {
    async deliver(_ctx, source, clientId, userPoolId, user, code, _metadata, details) {
      onCode({
        source,
        destination: details.Destination ?? '',
        username: user.Username,
        code,
        userPoolId,
        clientId,
      });
    },
  };
}

function printCode(d: CodeDelivery, endpoint: string, region: string): void {
  const hint =
    d.source === 'SignUp' || d.source === 'ResendCode'
      ? `\n  aws cognito-idp confirm-sign-up --client-id ${d.clientId} --username ${d.destination} --confirmation-code ${d.code} --endpoint-url ${endpoint} --region ${region}`
      : '';
  console.log(`[cognito] ${d.source} code for ${d.destination}: ${d.code}${hint}`);
}

/** No Lambda triggers locally (and no aws-sdk v2, which cognito-local loads only for them). */
const noTriggers: Triggers = {
  enabled: () => false,
  customMessage: unsupportedTrigger,
  customEmailSender: unsupportedTrigger,
  postAuthentication: unsupportedTrigger,
  postConfirmation: unsupportedTrigger,
  preSignUp: unsupportedTrigger,
  preTokenGeneration: unsupportedTrigger,
  userMigration: unsupportedTrigger,
};

function unsupportedTrigger(): never {
  throw new Error('Lambda triggers are not supported by the local stack');
}
