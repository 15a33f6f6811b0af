/**
 * After `cdk deploy --outputs-file cdk-outputs.json`: writes deploy-outputs.json with the keys of
 * the local stack's .local/outputs.json, so tools read either file the same way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const OUTPUT_KEYS = [
  'ApiUrl',
  'UserPoolId',
  'UserPoolClientId',
  'Region',
  'TableName',
] as const;
export type DeployOutputs = Record<(typeof OUTPUT_KEYS)[number], string>;

export function flattenOutputs(
  cdkOutputs: Record<string, Record<string, string>>,
  stackName = 'TaskApi',
): DeployOutputs {
  const stack = cdkOutputs[stackName];
  if (!stack) {
    throw new Error(
      `no outputs for stack ${stackName}, got ${Object.keys(cdkOutputs).join(', ') || 'none'}`,
    );
  }
  const missing = OUTPUT_KEYS.filter((k) => typeof stack[k] !== 'string');
  if (missing.length > 0) throw new Error(`stack ${stackName} lacks outputs ${missing.join(', ')}`);
  return Object.fromEntries(OUTPUT_KEYS.map((k) => [k, stack[k]])) as DeployOutputs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [from = 'cdk-outputs.json', to = 'deploy-outputs.json'] = process.argv.slice(2);
  const outputs = flattenOutputs(JSON.parse(readFileSync(from, 'utf8')));
  writeFileSync(to, `${JSON.stringify(outputs, null, 2)}\n`);
  console.log(`wrote ${to}: ${outputs.ApiUrl}`);
}
