/** The Redoc page the gateway serves at /docs, rebuilt when openapi.yaml is newer. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
