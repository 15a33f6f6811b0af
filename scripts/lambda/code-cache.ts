/**
 * Makes each handler bundle's V8 code cache (read by loader.mjs) at build time: a fresh Node
 * imports the bundle (module init), serves one request (training.ts) and then writes the cache
 * of everything compiled, so a cold start deserialises instead of compiling both. V8 takes the
 * cache only in the same Node build, CPU architecture and V8 flags: build on the runtime's Node
 * for it to pay on Lambda (docs/performance.md#a-cold-start-below-the-bare-client); elsewhere
 * it is ignored.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { trainingEvent } from './training.js';

const run = promisify(execFile);

/**
 * The training request goes to a closed local port, once: no network, no credentials. Logging
 * stays on, as in production, so its code is in the cache; the trainer's output is dropped.
 */
const TRAINING_ENV = {
  AWS_REGION: 'us-east-1',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  DYNAMODB_MAX_ATTEMPTS: '1',
};

const TRAINER = `const m = await import(process.env.ENTRY);
const event = process.env.EVENT && JSON.parse(process.env.EVENT);
const context = { awsRequestId: 'training', functionName: 'training', getRemainingTimeInMillis: () => 5000 };
if (event) await Promise.resolve(m.handler(event, context)).catch(() => {});
m.writeCodeCache();`;

/** The cache's file name as loader.mjs looks for it: this Node's version and architecture. */
export const codeCacheFile = () => `app.${process.version}-${process.arch}.cache`;

export async function writeCodeCache(handlerDir: string, operationId: string): Promise<void> {
  const event = trainingEvent(operationId);
  await run(process.execPath, ['--input-type=module', '-e', TRAINER], {
    env: {
      PATH: process.env.PATH,
      ...TRAINING_ENV,
      ENTRY: pathToFileURL(join(handlerDir, 'index.mjs')).href,
      ...(event ? { EVENT: JSON.stringify(event) } : {}),
    },
  });
}
