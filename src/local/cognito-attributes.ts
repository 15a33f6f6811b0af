/** Which attributes a user may be given, decided as Cognito does before cognito-local writes them. */
import { CognitoError } from 'cognito-local/lib/errors.js';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import {
  type CognitoService,
  USER_POOL_AWS_DEFAULTS,
} from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { UserPoolService } from 'cognito-local/lib/services/userPoolService.js';

interface AttributeWrite {
  UserAttributes: { Name?: unknown }[];
  ClientId?: string;
  UserPoolId?: string;
  AccessToken?: string;
}

/** The operations that write attributes, and the app client each writes through (none: IAM). */
const WRITERS: Record<string, (req: AttributeWrite) => string | null | undefined> = {
  SignUp: (req) => req.ClientId,
  UpdateUserAttributes: (req) => accessTokenClientId(req.AccessToken),
  // An administrator's call, authorized by IAM, not by an app client's permissions: it may set
  // `email_verified` (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html).
  AdminCreateUser: () => null,
};

export function writesAttributes(target: string, req: unknown): req is AttributeWrite {
  return target in WRITERS && Array.isArray((req as AttributeWrite | undefined)?.UserAttributes);
}

/**
 * First the pool's schema: Cognito generates `sub` and knows only the pool's attributes (the
 * standard ones and the declared `custom:` ones), so naming another is an
 * InvalidParameterException (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html).
 * Left to cognito-local, a sign-up could take another user's `sub`, and so their tasks.
 * Then the app client's write permissions: "If an app tries to update an attribute that is not
 * writable, the app gets a NotAuthorizedException" (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes).
 * cognito-local ignores them, so a user could mark any address of theirs verified. Cognito does
 * not document which of the two it checks first.
 */
export async function checkAttributeWrite(
  ctx: Context,
  cognito: CognitoService,
  target: string,
  req: AttributeWrite,
): Promise<void> {
  const clientId = WRITERS[target]?.(req);
  const client = clientId ? await cognito.getAppClient(ctx, clientId) : null;
  // An unknown client or pool is the operation's own error; cognito-local answers it.
  if (clientId !== null && !client) return;
  const pool = client
    ? await cognito.getUserPool(ctx, client.UserPoolId)
    : await cognito.getUserPool(ctx, String(req.UserPoolId));
  const names = req.UserAttributes.map(({ Name }) => String(Name));
  checkSchema(pool, names);
  if (client) checkWritable(client, pool, names);
}

function schemaOf(pool: UserPoolService) {
  // As cognito-local's own update check: a pool saved without a schema has AWS's defaults.
  return pool.options.SchemaAttributes ?? USER_POOL_AWS_DEFAULTS.SchemaAttributes ?? [];
}

function checkSchema(pool: UserPoolService, names: string[]): void {
  const schema = schemaOf(pool);
  for (const name of names) {
    if (name === 'sub') {
      throw new CognitoError(
        'InvalidParameterException',
        'Cannot modify the non-mutable attribute sub',
      );
    }
    if (!schema.some((a) => a.Name === name)) {
      throw new CognitoError(
        'InvalidParameterException',
        `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.\n`,
      );
    }
  }
}

/** Cognito's answer, as its SignUp and UpdateUserAttributes give it. */
export const UNAUTHORIZED_ATTRIBUTE = 'A client attempted to write unauthorized attribute';

/**
 * A client without WriteAttributes may write the pool's standard attributes, not the verified
 * flags (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html);
 * required attributes are always writable (the attribute permissions page above).
 */
function checkWritable(client: AppClient, pool: UserPoolService, names: string[]): void {
  const schema = schemaOf(pool);
  const declared = client.WriteAttributes?.length
    ? client.WriteAttributes
    : schema.map((a) => a.Name).filter((name) => name && !NOT_WRITABLE_BY_DEFAULT.has(name));
  const writable = new Set([
    ...declared,
    ...schema.filter((a) => a.Required && a.Name !== 'sub').map((a) => a.Name),
  ]);
  if (names.some((name) => !writable.has(name))) {
    throw new CognitoError('NotAuthorizedException', UNAUTHORIZED_ATTRIBUTE);
  }
}

const NOT_WRITABLE_BY_DEFAULT = new Set(['sub', 'email_verified', 'phone_number_verified']);

/** The `client_id` claim of an access token, read as cognito-local's UpdateUserAttributes reads it (unverified). */
function accessTokenClientId(token: unknown): string | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    return typeof payload?.client_id === 'string' ? payload.client_id : undefined;
  } catch {
    return undefined;
  }
}
