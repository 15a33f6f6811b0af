/** Embedded Cognito (cognito-local) seeded like the stack's user pool (docs/architecture.md#the-local-stack). */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Router } from 'cognito-local/lib/server/Router.js';
import { createServer } from 'cognito-local/lib/server/server.js';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import type { Logger } from 'pino';
import {
  type CodeDelivery,
  codeMessages,
  noTriggers,
  printCode,
  withAwsBehaviour,
} from './cognito-aws.js';
import { seed } from './cognito-seed.js';
import { guardLoopback } from './loopback.js';

export type { CodeDelivery } from './cognito-aws.js';
export {
  APP_CLIENT_NAME,
  PASSWORD_POLICY,
  USER_POOL_NAME,
} from './cognito-seed.js';

export interface LocalCognitoOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** Where the pools, clients and users are kept; made absolute. */
  dataDir: string;
  /** For a new pool; a reused pool keeps the region in its id. @default 'us-east-1' */
  region?: string;
  /** @default prints the code and the confirm-sign-up command to the console */
  onCode?: (delivery: CodeDelivery) => void;
  /**
   * The browser origins that may call it (the web app's), read per request; any other Origin,
   * and any Host but a loopback one with its port, is a 403 (src/local/loopback.ts).
   * @default () => [] (no browser)
   */
  allowedOrigins?: () => readonly string[];
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
  guardLoopback(server, options.allowedOrigins ?? (() => []));
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
