/**
 * cfn-lint (AWS's CloudFormation linter, a Python tool: no npm build exists) on the prod and
 * dev templates with every edge switched on. It ships with this project's machine image
 * (pip cfn-lint); W3005 is CDK's own explicit DependsOn on a function's role, harmless.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synth } from './synth.js';

const IGNORED = ['W3005'];

function cfnLint(): string {
  const dirs = [...(process.env.PATH ?? '').split(':'), join(homedir(), '.pyenv/shims')];
  const found = dirs.map((d) => join(d, 'cfn-lint')).find((p) => existsSync(p));
  if (!found) throw new Error('cfn-lint not found on PATH: pip install cfn-lint');
  return found;
}

describe('cfn-lint', () => {
  // cfn-lint takes tens of seconds on two ~100-resource templates.
  it('finds nothing in two stages with WAF, domain, reserved concurrency and usage plans', {
    timeout: 240_000,
  }, () => {
    const { stacks, templates } = synth(
      [
        { id: 'TaskApi', props: { stage: 'prod' } },
        { id: 'TaskApi-dev', props: { stage: 'dev' } },
      ],
      {
        waf: 'true',
        domainName: 'api.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
        reservedConcurrency: 5,
        usagePlans: { 'team-a': { rateLimit: 10, burstLimit: 20 } },
        alarmEmail: 'oncall@example.com',
      },
    );
    const dir = mkdtempSync(join(tmpdir(), 'task-api-cfn-lint-'));
    const files = templates.map((t, i) => {
      const file = join(dir, `${stacks[i]?.stackName}.json`);
      writeFileSync(file, JSON.stringify(t.toJSON(), null, 1));
      return file;
    });

    const run = spawnSync(cfnLint(), ['--ignore-checks', ...IGNORED, '--', ...files], {
      encoding: 'utf8',
    });

    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
