/**
 * One module reads the environment (docs/architecture.md#configuration): no other file under
 * src/ or infra/ touches `process.env`, and no test changes it; a test passes its own config to
 * a factory, store or stack, or an `env` object to a child process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/local/docs.js';

const PROCESS_ENV = String.raw`process\s*\.\s*env\b`;
const READ = new RegExp(PROCESS_ENV);
/** Spelled apart, so the examples below are not themselves what the scans look for. */
const ENV = ['process', 'env'].join('.');

/** Every .ts/.mjs/.js file under `dirs`, relative to the repository root. */
function sources(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|mts|mjs|js)$/.test(name) && !name.includes('node_modules'))
      .map((name) => relative(REPO_ROOT, join(REPO_ROOT, dir, name))),
  );
}

/** `file:line: text` of each line of `file` that `pattern` matches. */
function matches(file: string, pattern: RegExp): string[] {
  return readFileSync(join(REPO_ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

/**
 * What a file may read: the config module, anything; the CDK app, the account and region the
 * CDK CLI sets for it (https://docs.aws.amazon.com/cdk/v2/guide/configure-env.html).
 */
const ALLOWED_READS: Record<string, RegExp> = {
  'src/config/index.ts': new RegExp(PROCESS_ENV, 'g'),
  'infra/app.ts': new RegExp(String.raw`${PROCESS_ENV}\.CDK_DEFAULT_(ACCOUNT|REGION)\b`, 'g'),
};

/** The lines of `file` that read the environment beyond what it may. */
function reads(file: string): string[] {
  const allowed = ALLOWED_READS[file];
  return matches(file, READ).filter((hit) => !allowed || READ.test(hit.replace(allowed, '')));
}

/** Changes to the process's environment, in any of the spellings a test could use. */
const ASSIGNS = [
  String.raw`${PROCESS_ENV}\s*(\.\s*\w+|\[[^\]]+\])?\s*(=(?!=)|\+=|\?\?=|\|\|=)`,
  String.raw`delete\s+${PROCESS_ENV}`,
  String.raw`Object\s*\.\s*(assign|defineProperty|defineProperties)\s*\(\s*${PROCESS_ENV}`,
  String.raw`vi\s*\.\s*(stubEnv|unstubAllEnvs)\b`,
  String.raw`Reflect\s*\.\s*(set|deleteProperty|defineProperty)\s*\(\s*${PROCESS_ENV}`,
].map((source) => new RegExp(source));

function assignments(file: string): string[] {
  return ASSIGNS.flatMap((pattern) => matches(file, pattern));
}

describe('reading the environment', () => {
  it('happens in src/config/index.ts alone of src/ and infra/ (infra/app.ts reads only the CDK account and region)', () => {
    expect(sources('src', 'infra').flatMap(reads)).toEqual([]);
  });

  it.each([
    ['a handler reading a variable', `const ttl = Number(${ENV}.IDEMPOTENCY_TTL_SECONDS);`],
    ['a default parameter', `function f(env = ${ENV}) {}`],
    ['an index read', `const v = ${ENV}['TABLE_NAME'];`],
  ])('is found in %s', (_, line) => {
    expect(READ.test(line)).toBe(true);
  });

  it('in infra/app.ts, is refused for anything but the CDK account and region', () => {
    const allowed = ALLOWED_READS['infra/app.ts'] as RegExp;
    const line = `region: ${ENV}.CDK_DEFAULT_REGION, stage: ${ENV}.STAGE`;
    expect(READ.test(line.replace(allowed, ''))).toBe(true);
    expect(READ.test(`region: ${ENV}.CDK_DEFAULT_REGION`.replace(allowed, ''))).toBe(false);
  });
});

describe('the tests', () => {
  it('never change process.env: they pass config, or an env object to a child process', () => {
    expect(sources('test', 'sdk/test').flatMap(assignments)).toEqual([]);
  });

  it.each([
    `${ENV}.LOG_LEVEL = 'silent';`,
    `${ENV}['WORKSPACE_DELETE_BATCHES'] = '1';`,
    `${ENV}[name] = value;`,
    `delete ${ENV}.STATUS_INDEX_SHARDS;`,
    `Object.assign(${ENV}, CLIENT_ENV);`,
    ['vi', "stubEnv('LOG_LEVEL', 'silent');"].join('.'),
    `${ENV} = new Proxy(real, {});`,
    `${ENV}.PORT ??= '1';`,
  ])('would be caught writing %s', (line) => {
    expect(ASSIGNS.some((pattern) => pattern.test(line))).toBe(true);
  });

  it.each([
    `const file = ${ENV}.TASK_API_OUTPUTS;`,
    `if (${ENV}.SKIP === '1') return;`,
    `spawn(cmd, { env: { ...${ENV}, PORT: '0' } });`,
    `const { A: _a, ...inherited } = ${ENV};`,
  ])('may read it: %s', (line) => {
    expect(ASSIGNS.some((pattern) => pattern.test(line))).toBe(false);
  });
});
