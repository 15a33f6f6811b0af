// A handler bundle's entry point (index.handler). It runs app.cjs through vm.Script with the
// V8 code cache the build made, so V8 deserialises the bundle's compiled code instead of parsing
// and compiling 220 KB of JavaScript at every cold start. V8 checks the cache against its own
// version, flags, CPU architecture and the source, and compiles as usual when it does not fit
// (script.cachedDataRejected): never an error. Nothing is written at run time, so a read-only
// /var/task is fine.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dir = fileURLToPath(new URL('.', import.meta.url));
const app = `${dir}app.cjs`;
// V8 takes a code cache only from its own Node build and architecture: the name says which, so
// another build does not even read it.
const cacheFile = `${dir}app.${process.version}-${process.arch}.cache`;

function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(app, 'utf8')}\n})`,
  { filename: app, cachedData },
);
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(app), module, app, dir);

export const { handler } = module.exports;

/** Whether V8 took the shipped cache (false: compiled from source). */
export const codeCacheUsed = cachedData !== undefined && !script.cachedDataRejected;

/** For the build only: writes the code cache of everything compiled so far. */
export function writeCodeCache() {
  writeFileSync(cacheFile, script.createCachedData());
}
