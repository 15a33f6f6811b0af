/**
 * `npm run test:deployed -- <stage or outputs file>`: the end-to-end suite against a running
 * stack: a deployed stage (`dev` reads deploy-outputs.dev.json, `prod` deploy-outputs.json, both
 * written by `npm run deploy -- <stage>`) or any outputs file (`.local/outputs.json` of npm start).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { stage } from '../infra/stage.js';
import { outputsFile } from './deploy.js';

const arg = process.argv[2];
const file =
  arg && !existsSync(arg) && /^[a-z][a-z0-9-]*$/.test(arg)
    ? outputsFile(stage(arg).name, 'deploy')
    : arg;
if (!file || !existsSync(file)) {
  console.error(
    `usage: npm run test:deployed -- <stage | outputs file>, e.g. dev, prod or .local/outputs.json (got ${file ?? 'nothing'}; run npm run deploy -- <stage> first)`,
  );
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', 'test/e2e/api.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, TASK_API_OUTPUTS: resolve(file) },
});
process.exit(result.status ?? 1);
