/** Wiring: the config, Cognito, the session and the SDK client, then the first render. */
import { createTaskApiClient } from '@task-api/sdk';
import { render } from 'preact';
import { App } from './App.js';
import { cognitoClient } from './auth/cognito.js';
import { createSession, moveLegacyRefreshToken } from './auth/session.js';
import { loadConfig } from './config.js';

const root = document.getElementById('app') as HTMLElement;

async function start(): Promise<void> {
  const config = await loadConfig();
  const cognito = cognitoClient(config.cognitoEndpoint, config.clientId);
  moveLegacyRefreshToken();
  const session = createSession(cognito);
  const api = createTaskApiClient({ baseUrl: config.apiUrl, getToken: session.getToken });
  await session.restore();
  root.replaceChildren(); // the static "Loading…" goes; Preact appends to what it finds
  render(<App api={api} cognito={cognito} session={session} />, root);
}

start().catch((err: unknown) => {
  root.textContent = `The task board cannot start: ${err instanceof Error ? err.message : String(err)}`;
});
