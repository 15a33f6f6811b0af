/** Where the app finds its API and user pool: `/config.json`, written by the stack that serves it. */

export interface WebConfig {
  /** The API root (the stack's `ApiUrl`). */
  apiUrl: string;
  /** Cognito's JSON API: `https://cognito-idp.<region>.amazonaws.com/` on AWS, cognito-local locally. */
  cognitoEndpoint: string;
  /** The public app client (no secret) the app signs in with. */
  clientId: string;
}

const KEYS = ['apiUrl', 'cognitoEndpoint', 'clientId'] as const;

/** One build serves every stack: the values come at run time, not at build time. */
export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<WebConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return parseConfig(await response.json());
}

export function parseConfig(value: unknown): WebConfig {
  const raw = (value ?? {}) as Record<string, unknown>;
  for (const key of KEYS) {
    if (typeof raw[key] !== 'string' || raw[key] === '') {
      throw new Error(`config.json must have a string ${key}, got ${JSON.stringify(raw[key])}`);
    }
  }
  return {
    apiUrl: raw.apiUrl,
    cognitoEndpoint: raw.cognitoEndpoint,
    clientId: raw.clientId,
  } as WebConfig;
}
