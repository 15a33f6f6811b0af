/**
 * `npm run synth` as a user runs it (the handler bundles, the web app, the docs page, then the
 * CDK CLI), in a copy of the repository as a clean clone has it, on a machine with no AWS
 * settings. It is slow, so a run does it once for each state of the files: the first test file
 * that asks builds it in the run's directory (test/support/globalRun.ts) and every other one
 * waits for that result, whichever process it runs in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SynthRun {
  /** The copy of the repository the synth ran in (its node_modules links to this one's). */
  repo: string;
  /** The cloud assembly: `--output` of the CLI. */
  out: string;
  /** The command's exit status (null: it did not finish) and its stdout and stderr. */
  status: number | null;
  output: string;
}

/** The files a clean clone has: tracked, or new and not ignored (deleted ones left out). */
function repositoryFiles(): string[] {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: root, encoding: 'utf8' },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout
    .split('\0')
    .filter((file) => file && existsSync(join(root, file)))
    .sort();
}

/** Copies the clean clone's files to `to`, with the installed packages linked in. */
function copyRepository(to: string, files = repositoryFiles()): void {
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(root, file), join(to, file));
  }
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/** A user's shell with no AWS or CDK settings at all, plus `extra`. */
export function userEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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

function contentKey(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (err) => resolve({ status: null, output: `${output}\n${err.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

async function synthesize(base: string, files: string[]): Promise<SynthRun> {
  const repo = join(base, 'repo');
  const out = join(base, 'out');
  const home = join(base, 'home');
  try {
    mkdirSync(home);
    copyRepository(repo, files);
    const result = await run(
      'npm',
      ['run', 'synth', '--', '--no-notices', '--output', out],
      repo,
      userEnv(home),
    );
    return { repo, out, ...result };
  } catch (err) {
    return { repo, out, status: null, output: `the synth could not run: ${String(err)}` };
  }
}

/** Resolves once `file` exists (it is renamed into place whole). */
function whenExists(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dirname(file), () => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    });
    watcher.on('error', reject);
    if (existsSync(file)) {
      watcher.close();
      resolve();
    }
  });
}

let mine: Promise<SynthRun> | undefined;

/** This run's synth of the repository as it is now: built by whoever asks first. */
export function sharedSynth(): Promise<SynthRun> {
  mine ??= (async () => {
    const files = repositoryFiles();
    const base = join(inject('runDir'), `synth-${contentKey(files)}`);
    const resultFile = join(base, 'result.json');
    let owner = true;
    try {
      mkdirSync(base); // atomic: exactly one process creates it
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      owner = false;
    }
    if (owner) {
      const result = await synthesize(base, files);
      writeFileSync(`${resultFile}.tmp`, JSON.stringify(result));
      renameSync(`${resultFile}.tmp`, resultFile);
      return result;
    }
    await whenExists(resultFile);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as SynthRun;
  })();
  return mine;
}
