/**
 * The web app's session against the real cognito-local: the same Cognito requests as on AWS,
 * an expired ID token refreshed unnoticed, a revoked refresh token ending the session.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CognitoError, cognitoClient } from '../../web/src/auth/cognito.js';
import {
  createSession,
  decodeClaims,
  moveLegacyRefreshToken,
  REFRESH_KEY,
} from '../../web/src/auth/session.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';
import { memoryStorage } from '../support/storage.js';

let stack: TestStack;
let user: TestUser;
beforeAll(async () => {
  stack = await startTestStack();
  user = await createUser(stack);
});
afterAll(() => stack?.stop());

/** Cognito over fetch, counting each call's X-Amz-Target. */
function countingCognito() {
  const targets: string[] = [];
  const client = cognitoClient(stack.cognitoEndpoint, stack.clientId, (input, init) => {
    targets.push(new Headers(init?.headers).get('X-Amz-Target') ?? '');
    return fetch(input, init);
  });
  return { client, targets };
}

const listTasks = (token: string) =>
  fetch(`${stack.apiUrl}/tasks`, { headers: { Authorization: token } });

describe('the web session', () => {
  it('signs in with USER_PASSWORD_AUTH and reuses the ID token while it is fresh', async () => {
    const { client, targets } = countingCognito();
    const session = createSession(client, memoryStorage());

    await session.signIn(user.email, user.password);
    const token = await session.getToken();
    await session.getToken();

    expect(targets).toEqual(['AWSCognitoIdentityProviderService.InitiateAuth']);
    expect((await listTasks(token)).status).toBe(200);
    expect(session.user()).toEqual({ sub: user.sub, email: user.email, isAdmin: false });
  });

  it('refreshes an expired ID token once, for calls made at the same time', async () => {
    const { client, targets } = countingCognito();
    let now = Date.now();
    const session = createSession(client, memoryStorage(), () => now);
    await session.signIn(user.email, user.password);
    const first = await session.getToken();
    now = ((decodeClaims(first).exp ?? 0) + 1) * 1000;

    const [a, b] = await Promise.all([session.getToken(), session.getToken()]);

    expect(a).toBe(b);
    expect(targets).toHaveLength(2);
    expect((await listTasks(a)).status).toBe(200);
  });

  it('restores a session after a reload from the stored refresh token alone', async () => {
    const storage = memoryStorage();
    await createSession(cognitoClient(stack.cognitoEndpoint, stack.clientId), storage).signIn(
      user.email,
      user.password,
    );
    const reloaded = createSession(cognitoClient(stack.cognitoEndpoint, stack.clientId), storage);

    expect(await reloaded.restore()).toBe(true);
    expect((await listTasks(await reloaded.getToken())).status).toBe(200);
    expect([...storage.items.keys()]).toEqual([REFRESH_KEY]);
  });

  it('refuses to restore after sign-out: the refresh token is revoked, not only forgotten', async () => {
    const storage = memoryStorage();
    const cognito = cognitoClient(stack.cognitoEndpoint, stack.clientId);
    const session = createSession(cognito, storage);
    await session.signIn(user.email, user.password);
    const refreshToken = storage.getItem(REFRESH_KEY) as string;

    await session.signOut();

    expect(storage.items.size).toBe(0);
    await expect(cognito.refresh(refreshToken)).rejects.toThrow(CognitoError);
    storage.setItem(REFRESH_KEY, refreshToken);
    expect(await createSession(cognito, storage).restore()).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  describe('where the refresh token is kept', () => {
    afterEach(() => vi.unstubAllGlobals());
    /** The browser's two Web Storages, visible to the test. */
    function stubStorages() {
      const local = memoryStorage();
      const session = memoryStorage();
      vi.stubGlobal('localStorage', local);
      vi.stubGlobal('sessionStorage', session);
      return { local, session };
    }

    it("keeps it in this tab's sessionStorage, never in localStorage", async () => {
      const { local, session } = stubStorages();

      await createSession(cognitoClient(stack.cognitoEndpoint, stack.clientId)).signIn(
        user.email,
        user.password,
      );

      expect([...session.items.keys()]).toEqual([REFRESH_KEY]);
      expect(local.items.size).toBe(0);
    });

    it('moves one an earlier version left in localStorage into sessionStorage', async () => {
      const { local, session } = stubStorages();
      const storage = memoryStorage();
      await createSession(cognitoClient(stack.cognitoEndpoint, stack.clientId), storage).signIn(
        user.email,
        user.password,
      );
      local.setItem(REFRESH_KEY, storage.getItem(REFRESH_KEY) as string);

      moveLegacyRefreshToken();
      const restored = createSession(cognitoClient(stack.cognitoEndpoint, stack.clientId));

      expect(local.items.size).toBe(0);
      expect(await restored.restore()).toBe(true);
      expect([...session.items.keys()]).toEqual([REFRESH_KEY]);
    });
  });

  it("refuses a wrong password with Cognito's own error", async () => {
    const session = createSession(
      cognitoClient(stack.cognitoEndpoint, stack.clientId),
      memoryStorage(),
    );

    const failure = session.signIn(user.email, 'Wrong-password-1');

    // As AWS answers (the local stack answers the same): https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
    await expect(failure).rejects.toMatchObject({
      name: 'CognitoError',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(session.user()).toBeUndefined();
  });
});
