/** A password sign-in refused as Cognito refuses it, before cognito-local answers. */
import { CognitoError } from 'cognito-local/lib/errors.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';

interface PasswordSignIn {
  AuthFlow?: string;
  ClientId?: string;
  AuthParameters?: { USERNAME?: string; PASSWORD?: string };
}

/** Cognito's answer to a wrong password, and to an unknown user when existence errors are prevented. */
export const INCORRECT_CREDENTIALS = 'Incorrect username or password.';

/**
 * cognito-local answers a wrong password with InvalidPasswordException "Invalid password" and an
 * unknown user with NotAuthorizedException "User not authorized", so the answer tells whether
 * the account exists; and it skips the password of a user who must change theirs. Cognito
 * answers a wrong password with NotAuthorizedException, and with `PreventUserExistenceErrors`
 * (the stack's client sets it) an unknown user and an imported one awaiting a reset the same way
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
 */
export async function checkPasswordSignIn(
  ctx: Context,
  cognito: CognitoService,
  req: PasswordSignIn,
): Promise<void> {
  if (req?.AuthFlow !== 'USER_PASSWORD_AUTH' || typeof req.ClientId !== 'string') return;
  const client = await cognito.getAppClient(ctx, req.ClientId);
  const username = req.AuthParameters?.USERNAME;
  // A missing client or parameter is the operation's own error; cognito-local answers it.
  if (!client || typeof username !== 'string') return;
  const pool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
  const user = await pool.getUserByUsername(ctx, username);
  const hidesExistence = client.PreventUserExistenceErrors === 'ENABLED';
  if (!user) {
    if (hidesExistence) throw incorrectCredentials();
    return;
  }
  if (user.UserStatus === 'RESET_REQUIRED') {
    if (hidesExistence) throw incorrectCredentials();
    return;
  }
  if (user.Password !== req.AuthParameters?.PASSWORD) throw incorrectCredentials();
}

function incorrectCredentials(): CognitoError {
  return new CognitoError('NotAuthorizedException', INCORRECT_CREDENTIALS);
}
