/**
 * scripts/check-breaking.ts: a copy of openapi.yaml with a removed field, a removed operation or
 * a new required input fails unless info.version takes a major step; an added optional field
 * passes. The repository itself passes against its last release (tag or committed baseline).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkBreaking, releasedContract } from '../../scripts/check-breaking.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const specText = readFileSync(join(root, 'openapi.yaml'), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: spec copies are edited by path
type Spec = Record<string, any>;
function changed(edit: (spec: Spec) => void, version?: string) {
  const spec = parse(specText) as Spec;
  edit(spec);
  if (version) spec.info.version = version;
  return { text: stringify(spec), label: 'head' };
}
/** The repository's contract as a release 1.0.0, whatever its own version: the steps are relative. */
const base = { text: changed(() => {}, '1.0.0').text, label: 'base' };
const removeDescription = (s: Spec) => {
  delete s.components.schemas.Task.properties.description;
  s.components.schemas.Task.required = s.components.schemas.Task.required.filter(
    (r: string) => r !== 'description',
  );
};
const addOptionalInput = (s: Spec) => {
  s.components.schemas.TaskCreate.properties.estimate = { type: 'integer', minimum: 1 };
};

// json-schema-diff takes seconds per comparison on a busy machine.
describe('check-breaking', { timeout: 120_000 }, () => {
  it.each([
    { name: 'a removed response field', edit: removeDescription, want: /response\.body\.scope/ },
    {
      name: 'a removed operation',
      edit: (s: Spec) => delete s.paths['/admin/tasks'],
      want: /path\.remove at paths\.\/admin\/tasks/,
    },
    {
      name: 'a narrowed request type',
      edit: (s: Spec) => {
        s.components.schemas.TaskTitle.maxLength = 100;
      },
      want: /request\.body\.scope/,
    },
    {
      name: 'a new required query parameter',
      edit: (s: Spec) => {
        s.paths['/tasks'].get.parameters.push({
          name: 'team',
          in: 'query',
          required: true,
          schema: { type: 'string' },
        });
      },
      want: /GET \/tasks: new required parameter query team/,
    },
  ])('refuses $name without a major step', async ({ edit, want }) => {
    const minor = await checkBreaking(base, changed(edit, '1.1.0'));
    expect(minor.ok).toBe(false);
    expect(minor.lines.join('\n')).toMatch(want);
    expect(minor.lines.join('\n')).toMatch(
      /without a major version step \(info\.version 1\.0\.0 -> 1\.1\.0\)/,
    );

    const major = await checkBreaking(base, changed(edit, '2.0.0'));
    expect(major.ok, major.lines.join('\n')).toBe(true);
    expect(major.lines.join('\n')).toMatch(/accepted by the major step/);
  });

  it('passes an added optional request field as it is', async () => {
    const result = await checkBreaking(base, changed(addOptionalInput, '1.1.0'));
    expect(result).toEqual({
      ok: true,
      lines: ['compared head (1.1.0) with base (1.0.0)', 'no breaking change'],
    });
  });

  it('passes renamed parameter components as they are (the wire is the same)', async () => {
    const renameParameters = (s: Spec) => {
      const names = Object.keys(s.components.parameters);
      s.components.parameters = Object.fromEntries(
        names.map((n) => [`${n}Renamed`, s.components.parameters[n]]),
      );
      const refs = names.reduce(
        (text, n) =>
          text.replaceAll(
            `"#/components/parameters/${n}"`,
            `"#/components/parameters/${n}Renamed"`,
          ),
        JSON.stringify(s.paths),
      );
      s.paths = JSON.parse(refs);
    };
    const head = changed(renameParameters, '1.0.1');
    expect(head.text).toContain('#/components/parameters/LimitQueryRenamed');
    const result = await checkBreaking(base, head);
    expect(result).toEqual({
      ok: true,
      lines: ['compared head (1.0.1) with base (1.0.0)', 'no breaking change'],
    });
  });

  it('requires the SDK version to be info.version and a CHANGELOG section for it', async () => {
    const head = changed(addOptionalInput, '1.1.0');
    const result = await checkBreaking(base, head, { sdkVersion: '1.0.0', changelog: '## 1.0.0' });
    expect(result.ok).toBe(false);
    expect(result.lines).toContain('sdk/package.json version 1.0.0 must equal info.version 1.1.0');
    expect(result.lines).toContain(
      'CHANGELOG.md has no "## 1.1.0" section for this contract\'s changes',
    );
    const fixed = await checkBreaking(base, head, { sdkVersion: '1.1.0', changelog: '## 1.1.0' });
    expect(fixed.ok).toBe(true);
  });

  it('finds the last release at the newest v* tag, before any committed baseline', () => {
    const repo = mkdtempSync(join(tmpdir(), 'task-api-release-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repo, stdio: 'pipe', encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'ci');
    mkdirSync(join(repo, 'docs/releases'), { recursive: true });
    writeFileSync(join(repo, 'docs/releases/openapi-1.0.0.yaml'), 'baseline');
    expect(releasedContract(repo).label).toBe(
      'docs/releases/openapi-1.0.0.yaml (no v* git tag here)',
    );
    for (const version of ['1.2.0', '1.10.0']) {
      writeFileSync(join(repo, 'openapi.yaml'), `spec ${version}`);
      git('add', '.');
      git('commit', '-qm', version);
      git('tag', `v${version}`);
    }
    writeFileSync(join(repo, 'openapi.yaml'), 'unreleased');
    expect(releasedContract(repo)).toEqual({ text: 'spec 1.10.0', label: 'tag v1.10.0' });
  });

  it('fails the CLI on a copy of the repository whose spec removed a field', () => {
    const copy = mkdtempSync(join(tmpdir(), 'task-api-breaking-'));
    for (const f of ['openapi.yaml', 'CHANGELOG.md', 'sdk/package.json', 'docs/releases']) {
      cpSync(join(root, f), join(copy, f), { recursive: true });
    }
    writeFileSync(join(copy, 'openapi.yaml'), changed(removeDescription, '1.0.0').text);
    const cli = (dir: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts/check-breaking.ts'), dir],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );

    const run = cli(copy);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(
      /^compared openapi\.yaml \(1\.0\.0\) with docs\/releases\/openapi-1\.0\.0\.yaml/,
    );
    expect(run.stdout).toMatch(/breaking change\(s\) without a major version step/);
  });

  it('passes the repository as it is against its last release', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/check-breaking.ts'), root],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^compared openapi\.yaml \(\d+\.\d+\.\d+\) with (tag v|docs\/releases\/)/,
    );
  });
});
