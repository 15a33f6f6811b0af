/**
 * The path a user takes to AWS, run as they run it: `npm run synth` (the real build: bundles, web
 * app, docs page; then the CDK CLI) in a copy of the repository, then the CLI again for both
 * stages in the environments a user's machine can have. The CLI resolves a region in every one of
 * them (https://docs.aws.amazon.com/cdk/v2/guide/configure-env.html), which is what broke synth
 * once. cdk-nag fails a synth on any unacknowledged finding; cfn-lint (AWS's CloudFormation
 * linter, a Python tool shipped with this project's machine image) then reads every template.
 * No credentials are given, the instance metadata service and the CLI's telemetry and notices are
 * off, so nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository } from '../support/repository.js';

/** W3005: CDK's own explicit DependsOn on a function's role, harmless. */
const CFN_LINT_IGNORED = ['W3005'];

const EVERY_SWITCH = [
  ['waf', 'true'],
  ['domainName', 'api.example.com'],
  ['certificateArn', 'arn:aws:acm:us-east-1:123456789012:certificate/abc'],
  ['reservedConcurrency', '5'],
  ['usagePlans', '{"team-a":{"rateLimit":10,"burstLimit":20}}'],
  ['alarmEmail', 'oncall@example.com'],
  ['sesFromEmail', 'no-reply@example.com'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

let work: string;
let repo: string;
const outputs: string[] = [];

/** A user's shell with no AWS settings at all, plus `extra`. */
function userEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(AWS_|CDK_|npm_|VITEST|NODE_ENV$)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    ...extra,
  };
}

function home(name: string, awsConfig?: string): string {
  const dir = join(work, 'home', name);
  mkdirSync(dir, { recursive: true });
  if (awsConfig !== undefined) {
    mkdirSync(join(dir, '.aws'));
    writeFileSync(join(dir, '.aws', 'config'), awsConfig);
  }
  return dir;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The stacks in a cloud assembly, with the environment the CLI gave each. */
function stacksIn(out: string): { name: string; environment: string; template: string }[] {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  return Object.entries(manifest.artifacts as Record<string, Record<string, unknown>>)
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([name, a]) => ({
      name,
      environment: a.environment as string,
      template: join(out, (a.properties as { templateFile: string }).templateFile),
    }));
}

function cfnLint(): string {
  const dirs = [...(process.env.PATH ?? '').split(':'), join(homedir(), '.pyenv/shims')];
  const found = dirs.map((d) => join(d, 'cfn-lint')).find((p) => existsSync(p));
  if (!found) throw new Error('cfn-lint not found on PATH: pip install cfn-lint');
  return found;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'task-api-cli-synth-'));
  repo = join(work, 'repo');
  copyRepository(repo);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the CDK CLI, as a user runs it', { timeout: 300_000 }, () => {
  it('npm run synth builds everything and synthesizes prod on a machine with no AWS config', () => {
    const out = join(work, 'out-plain');
    const { status, output } = run(
      'npm',
      ['run', 'synth', '--', '--no-notices', '--output', out],
      userEnv(home('empty')),
    );

    expect(output).not.toMatch(/AwsSolutions-|Synthesis finished with errors/);
    expect(status, output).toBe(0);
    for (const built of ['dist/handlers/createTask/index.mjs', 'web/dist/index.html']) {
      expect(existsSync(join(repo, built)), built).toBe(true);
    }
    // The CLI fell back to its default region, as it does for anyone without AWS settings.
    expect(stacksIn(out).map((s) => [s.name, s.environment])).toEqual([
      ['TaskApi', 'aws://unknown-account/us-east-1'],
    ]);
    outputs.push(out);
  });

  it.each([
    {
      name: 'AWS_REGION, dev',
      stage: 'dev',
      switches: [] as string[],
      env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' } as Record<string, string>,
      config: undefined,
      want: ['TaskApi-dev', 'aws://unknown-account/eu-west-1'],
    },
    {
      name: 'a profile with a region, prod, every context switch',
      stage: 'prod',
      switches: EVERY_SWITCH,
      env: { AWS_PROFILE: 'team' },
      config: '[profile team]\nregion = ap-southeast-2\n',
      want: ['TaskApi', 'aws://unknown-account/ap-southeast-2'],
    },
    {
      name: 'CDK_DEFAULT_ACCOUNT and AWS_DEFAULT_REGION, dev, every context switch',
      stage: 'dev',
      switches: EVERY_SWITCH,
      env: { CDK_DEFAULT_ACCOUNT: '123456789012', AWS_DEFAULT_REGION: 'us-west-2' },
      config: undefined,
      want: ['TaskApi-dev', 'aws://123456789012/us-west-2'],
    },
  ])('cdk synth passes cdk-nag with $name', ({ name, stage, switches, env, config, want }) => {
    const out = join(work, `out-${outputs.length}`);
    const { status, output } = run(
      'npx',
      [
        'cdk',
        'synth',
        '--quiet',
        '--no-notices',
        '-c',
        `stage=${stage}`,
        ...switches,
        '--output',
        out,
      ],
      userEnv(home(name.replace(/\W+/g, '-'), config), env),
    );

    expect(output).not.toMatch(/AwsSolutions-|Synthesis finished with errors/);
    expect(status, output).toBe(0);
    expect(stacksIn(out).map((s) => [s.name, s.environment])).toEqual([want]);
    outputs.push(out);
  });

  it('cfn-lint finds nothing in any template the CLI wrote', () => {
    const templates = outputs.flatMap((out) => stacksIn(out).map((s) => s.template));
    expect(templates).toHaveLength(4);

    const lint = spawnSync(
      cfnLint(),
      ['--ignore-checks', ...CFN_LINT_IGNORED, '--', ...templates],
      {
        encoding: 'utf8',
      },
    );

    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
