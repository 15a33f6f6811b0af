/**
 * What the web app client may read and write of a user, spelled once for the CDK stack's client
 * (infra/auth.ts) and the local stack's seeded one (src/local/cognito-seed.ts), so neither is
 * left to Cognito's defaults and the two cannot drift (docs/architecture.md#the-aws-stack).
 * Cognito refuses a client's write of any other attribute and puts only readable ones in its
 * tokens: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
 */

/** `email` and whether it is verified: the API keys workspace invitations on a verified address. */
export const APP_CLIENT_READ_ATTRIBUTES = ['email', 'email_verified'] as const;

/**
 * Sign-up sends only `email` (the pool requires it, and a required attribute must be writable).
 * Never `email_verified`: only a confirmed code or an administrator may verify an address.
 */
export const APP_CLIENT_WRITE_ATTRIBUTES = ['email'] as const;

export type AppClientAttribute =
  | (typeof APP_CLIENT_READ_ATTRIBUTES)[number]
  | (typeof APP_CLIENT_WRITE_ATTRIBUTES)[number];
