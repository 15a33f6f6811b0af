/** The Redoc page the gateway serves at /docs, rebuilt when openapi.yaml is newer. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problem } from './result.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DOCS_PATH = join(REPO_ROOT, 'docs', 'index.html');

export function docsAreStale(specPath: string, docsPath: string): boolean {
  if (!existsSync(docsPath)) return true;
  return statSync(docsPath).mtimeMs < statSync(specPath).mtimeMs;
}

/**
 * `npm run docs` when the repo defines it and the page is the repo's own; otherwise
 * Redocly directly, so a custom output path still works.
 */
export async function buildDocs(specPath: string, docsPath: string): Promise<void> {
  const useScript = resolve(docsPath) === DOCS_PATH && hasDocsScript();
  const [command, args] = useScript
    ? ['npm', ['run', 'docs']]
    : ['npx', ['redocly', 'build-docs', specPath, '--output', docsPath, '--inlineBundle']];
  await new Promise<void>((done, fail) => {
    execFile(command, args, { cwd: REPO_ROOT, timeout: 120_000 }, (err, _stdout, stderr) => {
      if (!err) return done();
      const tail = stderr.trim().split('\n').slice(-5).join('\n');
      fail(new Error(`${command} ${args.join(' ')} failed: ${tail || err.message}`));
    });
  });
  if (!existsSync(docsPath))
    throw new Error(`${command} ${args.join(' ')} did not write ${docsPath}`);
}

function hasDocsScript(): boolean {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return typeof pkg.scripts?.docs === 'string';
}

export async function serveFile(
  res: ServerResponse,
  path: string,
  contentType: string,
): Promise<void> {
  const content = await readFile(path);
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': content.length,
    'Access-Control-Allow-Origin': '*',
  });
  res.end(content);
}

export async function serveDocs(
  res: ServerResponse,
  docsReady: Promise<void>,
  docsPath: string,
  problemTypeBase?: string,
): Promise<void> {
  try {
    await docsReady;
    await serveFile(res, docsPath, 'text/html; charset=utf-8');
  } catch {
    problem(res, 'unavailable', 'the docs page is not built; run npm run docs', problemTypeBase);
  }
}

/** Starts a rebuild when the page is stale; the gateway answers API calls meanwhile. */
export function prepareDocs(
  specPath: string,
  docsPath: string,
  build: boolean,
  log: (entry: Record<string, unknown>) => void,
): Promise<void> {
  if (!build || !docsAreStale(specPath, docsPath)) return Promise.resolve();
  const started = performance.now();
  const building = buildDocs(specPath, docsPath).then(
    () =>
      log({
        level: 'info',
        msg: 'docs built',
        path: docsPath,
        latency_ms: Math.round(performance.now() - started),
      }),
    (err: Error) => {
      log({ level: 'warn', msg: 'docs build failed', error: err.message });
      throw err;
    },
  );
  building.catch(() => {});
  return building;
}
