/**
 * `npm run test:deployed -- <outputs file>`: the end-to-end suite against a running stack,
 * deployed (`deploy-outputs.json`) or local (`.local/outputs.json` of `npm start`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(
    `usage: npm run test:deployed -- <outputs file>, e.g. deploy-outputs.json or .local/outputs.json (got ${file ?? 'nothing'})`,
  );
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', 'test/e2e/api.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, TASK_API_OUTPUTS: resolve(file) },
});
process.exit(result.status ?? 1);
