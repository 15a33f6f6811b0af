/**
 * Makes each handler bundle's V8 code cache (read by loader.mjs) at build time: a
 * fresh Node imports the bundle, so module init runs and compiles what a cold start compiles,
 * and then writes the cache of everything compiled. V8 takes the cache only in the same Node
 * build, CPU architecture and V8 flags: build on the runtime's Node for it to pay on Lambda
 * (README#performance); elsewhere Lambda ignores it and compiles as usual.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What module init reads; no request is made, so no endpoint or credentials are needed. */
const TRAINING_ENV = { AWS_REGION: 'us-east-1', LOG_LEVEL: 'silent' };

/** The cache's file name as loader.mjs looks for it: this Node's version and architecture. */
export const codeCacheFile = () => `app.${process.version}-${process.arch}.cache`;

export async function writeCodeCache(handlerDir: string): Promise<void> {
  const entry = pathToFileURL(join(handlerDir, 'index.mjs')).href;
  await run(
    process.execPath,
    ['--input-type=module', '-e', `(await import(${JSON.stringify(entry)})).writeCodeCache();`],
    { env: { PATH: process.env.PATH, ...TRAINING_ENV } },
  );
}
