/**
 * `npm run deploy -- [stage]` (default prod): builds, deploys that stage's stack
 * (`cdk deploy -c stage=<stage>`), and writes its flattened outputs for `npm run test:deployed`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flattenOutputs } from '../infra/flatten-outputs.js';
import { PRODUCTION_STAGE, stage } from '../infra/stage.js';

/** prod keeps the file names it had before stages: deploy-outputs.json. */
export function outputsFile(stageName: string, kind: 'cdk' | 'deploy'): string {
  return stageName === PRODUCTION_STAGE
    ? `${kind}-outputs.json`
    : `${kind}-outputs.${stageName}.json`;
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = stage(process.argv[2] ?? PRODUCTION_STAGE);
  const cdkOutputs = outputsFile(target.name, 'cdk');
  run('npm', ['run', 'build']);
  run('npx', [
    'cdk',
    'deploy',
    target.stackName,
    '-c',
    `stage=${target.name}`,
    '--outputs-file',
    cdkOutputs,
    ...process.argv.slice(3),
  ]);
  const outputs = flattenOutputs(JSON.parse(readFileSync(cdkOutputs, 'utf8')), target.stackName);
  const file = outputsFile(target.name, 'deploy');
  writeFileSync(file, `${JSON.stringify(outputs, null, 2)}\n`);
  console.log(`wrote ${file}: ${outputs.ApiUrl}`);
}
