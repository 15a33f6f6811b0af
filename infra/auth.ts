/** The Cognito user pool, its `admins` group and the web app client. */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import {
  APP_CLIENT_READ_ATTRIBUTES,
  APP_CLIENT_WRITE_ATTRIBUTES,
  type AppClientAttribute,
} from '../src/contract/app-client.js';
import { ADMIN_GROUP } from '../src/contract/problems.js';

export const DEFAULT_CALLBACK_URLS = [
  'https://tasks.example.com/callback',
  'http://localhost:3000/callback',
];

export interface AuthProps {
  /** @default - the `callbackUrls` context value, else DEFAULT_CALLBACK_URLS */
  readonly callbackUrls?: string[];
  /** @default - the `cognitoDomainPrefix` context value, else no hosted domain */
  readonly cognitoDomainPrefix?: string;
  /**
   * A verified SES identity to send Cognito's mail (codes, invitations) from, instead of
   * Cognito's own sender and its daily quota.
   * @default - the `sesFromEmail` context value, else Cognito's default sender
   */
  readonly sesFromEmail?: string;
  /** The web app's origin: `<webUrl>/callback` is a callback URL, `<webUrl>/` the sign-out URL. */
  readonly webUrl?: string;
}

export interface Auth {
  userPool: cognito.UserPool;
  userPoolClient: cognito.UserPoolClient;
}

/** Created under `scope` with the stack's original ids, so logical ids stay put. */
export function userPoolWithClient(scope: Construct, props: AuthProps = {}): Auth {
  const userPool = new cognito.UserPool(scope, 'UserPool', {
    selfSignUpEnabled: true,
    signInAliases: { email: true },
    autoVerify: { email: true },
    standardAttributes: { email: { required: true, mutable: true } },
    passwordPolicy: {
      minLength: 10,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: false,
    },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    removalPolicy: RemovalPolicy.RETAIN,
    ...emailFrom(scope, props.sesFromEmail),
  });
  userPool.addGroup('AdminsGroup', {
    groupName: ADMIN_GROUP,
    description: 'May list every user’s tasks (GET /admin/tasks).',
  });
  const userPoolClient = userPool.addClient('AppClient', {
    generateSecret: false,
    authFlows: { userSrp: true, userPassword: true },
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      callbackUrls: [
        ...(props.callbackUrls ?? callbackUrlsFromContext(scope)),
        ...(props.webUrl ? [`${props.webUrl}/callback`] : []),
      ],
      ...(props.webUrl ? { logoutUrls: [`${props.webUrl}/`] } : {}),
    },
    // Explicit, so no default decides what the app may read or write (src/contract/app-client.ts).
    readAttributes: clientAttributes(APP_CLIENT_READ_ATTRIBUTES),
    writeAttributes: clientAttributes(APP_CLIENT_WRITE_ATTRIBUTES),
    preventUserExistenceErrors: true,
  });
  const domainPrefix =
    props.cognitoDomainPrefix ??
    (scope.node.tryGetContext('cognitoDomainPrefix') as string | undefined);
  if (domainPrefix) {
    userPool.addDomain('HostedDomain', { cognitoDomain: { domainPrefix } });
  }
  return { userPool, userPoolClient };
}

/** CDK's name for each attribute the shared lists may hold. */
const STANDARD_ATTRIBUTE_MASK: Record<AppClientAttribute, keyof cognito.StandardAttributesMask> = {
  email: 'email',
  email_verified: 'emailVerified',
};

function clientAttributes(names: readonly AppClientAttribute[]): cognito.ClientAttributes {
  return new cognito.ClientAttributes().withStandardAttributes(
    Object.fromEntries(names.map((name) => [STANDARD_ATTRIBUTE_MASK[name], true])),
  );
}

/**
 * Cognito's default sender allows a few dozen messages a day for the whole pool; SES lifts it
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html). The
 * identity must be verified in SES, in the stack's region unless `sesRegion` names another.
 */
function emailFrom(scope: Construct, fromProps?: string): Pick<cognito.UserPoolProps, 'email'> {
  const fromEmail = fromProps ?? (scope.node.tryGetContext('sesFromEmail') as string | undefined);
  if (fromEmail === undefined) return {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fromEmail)) {
    throw new Error(`sesFromEmail must be an e-mail address, got ${JSON.stringify(fromEmail)}`);
  }
  const sesRegion = scope.node.tryGetContext('sesRegion') as string | undefined;
  return {
    email: cognito.UserPoolEmail.withSES({ fromEmail, ...(sesRegion ? { sesRegion } : {}) }),
  };
}

function callbackUrlsFromContext(scope: Construct): string[] {
  const raw = scope.node.tryGetContext('callbackUrls') as string | string[] | undefined;
  if (raw === undefined) return DEFAULT_CALLBACK_URLS;
  const urls = Array.isArray(raw) ? raw : raw.split(',').map((u) => u.trim());
  if (urls.length === 0 || urls.some((u) => !/^https?:\/\/\S+$/.test(u))) {
    throw new Error(`callbackUrls must be http(s) URLs, got ${JSON.stringify(raw)}`);
  }
  return urls;
}
