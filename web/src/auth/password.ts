/** The user pool's password policy (infra: min 10, upper, lower, digit), told before Cognito refuses. */

export const PASSWORD_POLICY =
  'At least 10 characters, with an upper-case letter, a lower-case letter and a digit.';

export function passwordProblem(password: string): string | undefined {
  const missing: string[] = [];
  if (password.length < 10) missing.push('10 characters');
  if (!/[A-Z]/.test(password)) missing.push('an upper-case letter');
  if (!/[a-z]/.test(password)) missing.push('a lower-case letter');
  if (!/[0-9]/.test(password)) missing.push('a digit');
  return missing.length ? `The password needs ${missing.join(', ')}.` : undefined;
}
