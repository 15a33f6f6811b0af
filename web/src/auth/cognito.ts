/**
 * Cognito's own JSON API, called with fetch: the same requests reach AWS and cognito-local.
 * USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, because cognito-local has no SRP.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
 */

export interface Tokens {
  idToken: string;
  /** Absent after a refresh: Cognito keeps the one it issued at sign-in. */
  refreshToken?: string;
}

/** A Cognito error (`__type`), e.g. NotAuthorizedException, with Cognito's own message. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

export interface CognitoClient {
  signUp(email: string, password: string): Promise<void>;
  confirmSignUp(email: string, code: string): Promise<void>;
  signIn(email: string, password: string): Promise<Tokens>;
  refresh(refreshToken: string): Promise<Tokens>;
  /** Makes the refresh token (and the tokens issued from it) unusable. */
  revoke(refreshToken: string): Promise<void>;
}

export function cognitoClient(
  endpoint: string,
  clientId: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): CognitoClient {
  async function call(
    action: string,
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify({ ClientId: clientId, ...body }),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      // `__type` may carry a namespace prefix ("com.amazonaws...#NotAuthorizedException").
      const code = String(json.__type ?? `HTTP${response.status}`)
        .split('#')
        .pop() as string;
      throw new CognitoError(code, String(json.message ?? json.Message ?? code));
    }
    return json;
  }

  async function initiate(flow: string, params: Record<string, string>): Promise<Tokens> {
    const out = await call('InitiateAuth', { AuthFlow: flow, AuthParameters: params });
    const result = out.AuthenticationResult as Record<string, string> | undefined;
    if (!result?.IdToken) {
      throw new CognitoError(
        String(out.ChallengeName ?? 'NoTokens'),
        'sign-in needs a step this app does not support',
      );
    }
    return { idToken: result.IdToken, refreshToken: result.RefreshToken };
  }

  return {
    async signUp(email, password) {
      await call('SignUp', {
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
    },
    async confirmSignUp(email, code) {
      await call('ConfirmSignUp', { Username: email, ConfirmationCode: code });
    },
    signIn: (email, password) =>
      initiate('USER_PASSWORD_AUTH', { USERNAME: email, PASSWORD: password }),
    refresh: (refreshToken) => initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken }),
    async revoke(refreshToken) {
      await call('RevokeToken', { Token: refreshToken });
    },
  };
}
