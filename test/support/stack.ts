/** The local stack for tests: free ports, in-memory data, real Cognito users and forged tokens. */
import {
  createPrivateKey,
  createSign,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { createRequire } from 'node:module';
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import type { Env } from '../../src/config/index.js';
import { ADMIN_GROUP } from '../../src/contract/problems.js';
import type { CodeDelivery } from '../../src/local/cognito.js';
import type { HandlerLoader, LogEntry } from '../../src/local/gateway.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../src/local/stack.js';
import { ENGINE } from './dynamo.js';

export interface TestStack extends LocalStack {
  /** The Cognito API of this stack (credentials are dummies). */
  cognito: CognitoIdentityProviderClient;
  /** The latest sign-up (or reset) code per e-mail address, as the console would show it. */
  codes: Map<string, string>;
  /** The gateway's log lines, one per request (plus handler failures). */
  logs: LogEntry[];
}

export interface TestStackOptions {
  /**
   * The stack's environment, as `npm start`'s process would have it: its functions' settings
   * (WORKSPACE_DELETE_BATCHES, LOG_LEVEL, ...) and its own.
   * @default { LOG_LEVEL: 'silent' }
   */
  env?: Env;
  /** @default the real handlers under src/handlers */
  loadHandler?: HandlerLoader;
  /** Sees each handler the stack loads. @default - none */
  wrapHandler?: LocalStackOptions['wrapHandler'];
  /** @default false: tests of /docs use their own docs path */
  buildDocs?: boolean;
  docsPath?: string;
  /** Serve the task board too. @default - no web app */
  web?: LocalStackOptions['web'];
  /** @default none (besides the web app's origin) */
  corsAllowOrigins?: readonly string[];
  /** Serve under `/<stage>` (LOCAL_STAGE). @default the root */
  stage?: string;
  /** @default the pool's web client */
  allowedClientIds?: string[];
  /** @default TaskApp (on DynamoDB Local: a name of its own) */
  tableName?: string;
}

/**
 * In-memory DynamoDB (on DynamoDB Local: a table of its own in the run's engine), Cognito in a
 * temp dir, every port free, the process's environment ignored (so a developer's
 * DYNAMODB_ENDPOINT never points tests at their data): the stack reads only `options.env`.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const codes = new Map<string, string>();
  const logs: LogEntry[] = [];
  const engine = sharedEngine();
  const stack = await startLocalStack({
    env: { ...(options.env ?? { LOG_LEVEL: 'silent' }), ...engine.env },
    tableName: options.tableName ?? engine.tableName,
    loadHandler: options.loadHandler,
    wrapHandler: options.wrapHandler,
    buildDocs: options.buildDocs ?? false,
    docsPath: options.docsPath,
    web: options.web,
    corsAllowOrigins: options.corsAllowOrigins,
    stage: options.stage,
    allowedClientIds: options.allowedClientIds,
    log: (entry) => logs.push(entry),
    onCode: (d: CodeDelivery) => codes.set(d.destination, d.code),
  });
  const cognito = cognitoClient(stack);
  return {
    ...stack,
    cognito,
    codes,
    logs,
    stop: async () => {
      cognito.destroy();
      await stack.stop();
    },
  };
}

/** On DynamoDB Local, the run's one engine (test/support/globalDynamo.ts) and a table of its own. */
function sharedEngine(): { env: Env; tableName?: string } {
  if (ENGINE !== 'dynamodb-local') return { env: {} };
  return {
    env: { DYNAMODB_ENDPOINT: inject('dynamodbLocalEndpoint') },
    tableName: `TaskApp-${randomUUID()}`,
  };
}

export function cognitoClient(stack: Pick<LocalStack, 'cognitoEndpoint' | 'region'>) {
  return new CognitoIdentityProviderClient({
    endpoint: stack.cognitoEndpoint,
    region: stack.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export interface TestUser {
  email: string;
  password: string;
  sub: string;
  idToken: string;
  accessToken: string;
}

/** A fresh user signed up, confirmed and signed in through the Cognito API (USER_PASSWORD_AUTH). */
/** What createUser and signIn need: any stack's Cognito API, pool and client. */
export type CognitoTarget = Pick<TestStack, 'cognito' | 'userPoolId' | 'clientId'>;

export async function createUser(
  stack: CognitoTarget,
  options: { admin?: boolean; groups?: string[]; verified?: boolean } = {},
): Promise<TestUser> {
  const email = `user-${randomUUID()}@example.com`;
  // Meets the pool policy: 10+ characters with upper, lower and digits.
  const password = `Pw1-${randomUUID()}`;
  const { cognito, userPoolId, clientId } = stack;
  const signUp = await cognito.send(
    new SignUpCommand({ ClientId: clientId, Username: email, Password: password }),
  );
  await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
  const groups = [...(options.admin ? [ADMIN_GROUP] : []), ...(options.groups ?? [])];
  for (const group of groups) {
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
    );
  }
  if (options.verified) {
    // As after confirming the e-mailed code: AdminConfirmSignUp leaves `email_verified` false,
    // as on AWS (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminConfirmSignUp.html).
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: userPoolId,
        Username: email,
        // The address again beside the flag: cognito-local requires it; AWS accepts it.
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  }
  const tokens = await signIn(stack, email, password);
  return { email, password, sub: signUp.UserSub as string, ...tokens };
}

export async function signIn(
  stack: CognitoTarget,
  email: string,
  password: string,
): Promise<{ idToken: string; accessToken: string }> {
  const auth = await stack.cognito.send(
    new InitiateAuthCommand({
      ClientId: stack.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const result = auth.AuthenticationResult;
  if (!result?.IdToken || !result.AccessToken) throw new Error(`no tokens for ${email}`);
  return { idToken: result.IdToken, accessToken: result.AccessToken };
}

// Forged tokens. cognito-local signs every pool's tokens with one RSA key that ships in its
// package (kid "CognitoLocal"), so a test can re-sign a real token's claims with changes and
// the gateway sees a token that only differs in what the test changed.

type Claims = Record<string, unknown>;

export function decodeJwt(token: string): { header: Claims; payload: Claims } {
  const [header, payload] = token.split('.');
  const part = (s: string | undefined) =>
    JSON.parse(Buffer.from(s ?? '', 'base64url').toString('utf8')) as Claims;
  return { header: part(header), payload: part(payload) };
}

/** An RS256 JWT over exactly these claims. */
export function signJwt(payload: Claims, key: KeyObject, kid: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

const COGNITO_LOCAL_KID = 'CognitoLocal';

function cognitoLocalKey(): KeyObject {
  const require = createRequire(import.meta.url);
  const { pem } = require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string };
  return createPrivateKey(pem);
}

/** The token's claims with `changes` applied (undefined deletes), re-signed by cognito-local's key. */
export function forgeToken(token: string, changes: Claims): string {
  const payload: Claims = { ...decodeJwt(token).payload, ...changes };
  for (const [name, value] of Object.entries(changes))
    if (value === undefined) delete payload[name];
  return signJwt(payload, cognitoLocalKey(), COGNITO_LOCAL_KID);
}

/** A real ID token's claims, expired an hour ago, validly signed. */
export function expiredIdToken(user: TestUser): string {
  const now = Math.floor(Date.now() / 1000);
  return forgeToken(user.idToken, { iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
}

/** A real ID token's claims and kid, signed by a key the user pool never had. */
export function otherKeyIdToken(user: TestUser): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signJwt(decodeJwt(user.idToken).payload, privateKey, COGNITO_LOCAL_KID);
}
