/** The embedded Cognito alone, on a temporary data dir, for the tests of src/local/cognito*.ts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CodeDelivery, type LocalCognito, startCognito } from '../../src/local/cognito.js';
import { cognitoClient } from './stack.js';

const started: LocalCognito[] = [];
const dirs: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
  dirs.push(dir);
  return dir;
}

/**
 * Started on a free port, on a fresh dir unless given one; `stopCognitos` (in `afterEach`)
 * closes it and removes its dir.
 */
export async function startTestCognito(dataDir?: string, codes: CodeDelivery[] = []) {
  const cognito = await startCognito({
    dataDir: dataDir ?? (await tempDir()),
    onCode: (d) => codes.push(d),
  });
  started.push(cognito);
  return {
    cognito,
    client: cognitoClient({ cognitoEndpoint: cognito.endpoint, region: 'us-east-1' }),
  };
}

/** Closes one started Cognito early (to start it again on the same dir). */
export async function closeCognito(cognito: LocalCognito): Promise<void> {
  started.splice(started.indexOf(cognito), 1);
  await cognito.close();
}

export async function stopCognitos(): Promise<void> {
  for (const c of started.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
}

/** Meets the pool policy: 10+ characters with upper, lower and digits. */
export const PASSWORD = 'Passw0rdPassw0rd';
