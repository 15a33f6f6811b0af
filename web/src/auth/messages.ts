/** What the sign-in form says when Cognito refuses. */
import { failureMessage } from '../ui/problems.js';
import { CognitoError } from './cognito.js';

/**
 * Cognito refuses a wrong password with NotAuthorizedException and, unless the pool prevents it,
 * an unknown user with UserNotFoundException: one answer for both, so the form never tells
 * whether an account exists.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
 */
const SIGN_IN_REFUSALS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  // cognito-local's answer to a wrong password (AWS's InitiateAuth never sends it).
  'InvalidPasswordException',
]);

export function signInMessage(err: unknown): string {
  if (err instanceof CognitoError && SIGN_IN_REFUSALS.has(err.code)) {
    return 'Incorrect e-mail or password.';
  }
  return failureMessage(err);
}
