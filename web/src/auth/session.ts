/**
 * The signed-in person: the ID token in memory only, the refresh token in this tab's
 * sessionStorage. An injected script could read it there as in localStorage (the CSP is the
 * defence), but it survives a reload and not the tab: no long-lived token is left for the next
 * person at the computer. Memory alone would sign out at every reload for no gain against XSS.
 */
import type { CognitoClient, Tokens } from './cognito.js';

export const REFRESH_KEY = 'task-board.refresh';
/** Refresh this long before the ID token expires, so a request never carries a stale one. */
export const REFRESH_MARGIN_MS = 60_000;

export interface User {
  email: string;
  isAdmin: boolean;
}

export interface Session {
  /** Signs back in with a stored refresh token; false when there is none or it is no longer valid. */
  restore(): Promise<boolean>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** A valid ID token, refreshed first when it is about to expire (the SDK's `getToken`). */
  getToken(): Promise<string>;
  user(): User | undefined;
  /** Called after every sign-in, sign-out and lost session. */
  subscribe(listener: () => void): () => void;
}

/**
 * Earlier versions kept the refresh token in localStorage: move it to this tab's storage, so the
 * person stays signed in here and no long-lived token is left on disk.
 */
export function moveLegacyRefreshToken(
  from: Pick<Storage, 'getItem' | 'removeItem'> = localStorage,
  to: Pick<Storage, 'setItem'> = sessionStorage,
): void {
  const legacy = from.getItem(REFRESH_KEY);
  if (legacy === null) return;
  from.removeItem(REFRESH_KEY);
  to.setItem(REFRESH_KEY, legacy);
}

interface Claims {
  email?: string;
  exp?: number;
  'cognito:groups'?: string[] | string;
}

export function decodeClaims(jwt: string): Claims {
  const payload = jwt.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
}

export function createSession(
  cognito: CognitoClient,
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = sessionStorage,
  now: () => number = Date.now,
): Session {
  let idToken: string | undefined;
  let claims: Claims = {};
  let refreshing: Promise<string> | undefined;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };

  function accept(tokens: Tokens): string {
    idToken = tokens.idToken;
    claims = decodeClaims(tokens.idToken);
    if (tokens.refreshToken) storage.setItem(REFRESH_KEY, tokens.refreshToken);
    return idToken;
  }

  function forget(): void {
    idToken = undefined;
    claims = {};
    storage.removeItem(REFRESH_KEY);
  }

  function refresh(): Promise<string> {
    refreshing ??= (async () => {
      const stored = storage.getItem(REFRESH_KEY);
      if (!stored) throw new Error('you are signed out: sign in again');
      try {
        return accept(await cognito.refresh(stored));
      } catch (err) {
        // A refused refresh token (revoked, expired) ends the session; a network error does not.
        if (err instanceof Error && err.name === 'CognitoError') {
          forget();
          changed();
        }
        throw err;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  }

  return {
    async restore() {
      if (!storage.getItem(REFRESH_KEY)) return false;
      try {
        await refresh();
      } catch {
        return false;
      }
      changed();
      return true;
    },
    async signIn(email, password) {
      accept(await cognito.signIn(email, password));
      changed();
    },
    async signOut() {
      const stored = storage.getItem(REFRESH_KEY);
      forget();
      changed();
      if (stored) await cognito.revoke(stored).catch(() => {});
    },
    async getToken() {
      const expiresAt = (claims.exp ?? 0) * 1000;
      if (idToken && expiresAt - REFRESH_MARGIN_MS > now()) return idToken;
      return refresh();
    },
    user() {
      if (!idToken) return undefined;
      const groups = claims['cognito:groups'] ?? [];
      const list = Array.isArray(groups) ? groups : groups.split(',');
      return { email: claims.email ?? '', isAdmin: list.includes('admins') };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
