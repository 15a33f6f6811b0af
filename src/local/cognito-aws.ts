/** Where cognito-local and Cognito differ in ways our clients can see, behave like Cognito. */
import { CognitoError } from 'cognito-local/lib/errors.js';
import type { Router } from 'cognito-local/lib/server/Router.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/triggers.js';
import { checkAttributeWrite, writesAttributes } from './cognito-attributes.js';
import { PASSWORD_POLICY } from './cognito-seed.js';
import { checkPasswordSignIn } from './cognito-sign-in.js';

/** A verification code cognito-local would have e-mailed (sign-up, resend, forgot password). */
export interface CodeDelivery {
  source: string;
  destination: string;
  username: string;
  code: string;
  userPoolId: string;
  clientId: string | null;
}

export function withAwsBehaviour(
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
      if (writesAttributes(target, req)) await checkAttributeWrite(ctx, cognito, target, req);
      if (target === 'InitiateAuth') await checkPasswordSignIn(ctx, cognito, req);
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

export function codeMessages(onCode: (d: CodeDelivery) => void): Messages {
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

export function printCode(d: CodeDelivery, endpoint: string, region: string): void {
  const hint =
    d.source === 'SignUp' || d.source === 'ResendCode'
      ? `\n  aws cognito-idp confirm-sign-up --client-id ${d.clientId} --username ${d.destination} --confirmation-code ${d.code} --endpoint-url ${endpoint} --region ${region}`
      : '';
  console.log(`[cognito] ${d.source} code for ${d.destination}: ${d.code}${hint}`);
}

/** No Lambda triggers locally (and no aws-sdk v2, which cognito-local loads only for them). */
export const noTriggers: Triggers = {
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
