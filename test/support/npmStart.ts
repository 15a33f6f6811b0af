/** `npm start` (or main.ts directly) as a child process on free ports with its own data dir. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/local/docs.js';
import { ENGINE } from './dynamo.js';

export interface NpmStart {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The exit code, once every process holding the output pipes is gone ('close', not 'exit'). */
  exited: Promise<number | null>;
  /** The first match of `pattern` in stdout; rejects with the output if it never comes. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** Resolves once the banner is printed; rejects with the output if it never is. */
  up(ms?: number): Promise<void>;
  /** `signal` (SIGTERM by default) to the spawned process alone, then the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Ctrl-C in a terminal: SIGINT to the whole group (npm and node at once). Needs `group`. */
  ctrlC(): Promise<number | null>;
  /** SIGKILL to whatever is left (the whole group with `group`); for cleanup after a failure. */
  kill(): void;
}

export interface NpmStartOptions {
  /** `npm` runs `npm start`; `node` runs main.ts directly (no npm noise on stderr). */
  via?: 'npm' | 'node';
  /** Its own process group, as a terminal gives it, so `ctrlC()` and `kill()` reach the group. */
  group?: boolean;
}

const UP = /local stack is up/;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export type Ports = Record<'PORT' | 'DYNAMODB_PORT' | 'COGNITO_PORT' | 'WEB_PORT', string>;

/** PORT, DYNAMODB_PORT, COGNITO_PORT and WEB_PORT, each a free port. */
export async function freePorts(): Promise<Ports> {
  return {
    PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    COGNITO_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
  };
}

/** The env for a stack on three free ports keeping its data in `dataDir`, request log off. */
export async function npmStartEnv(dataDir: string): Promise<Record<string, string>> {
  return {
    ...(await freePorts()),
    LOCAL_DATA_DIR: dataDir,
    LOCAL_BUILD_DOCS: 'false',
    LOG_LEVEL: 'silent',
  };
}

/** Spawns the stack with `env` over the test's own (LOCAL_BUILD_DOCS defaults to false). */
export function npmStart(env: Record<string, string>, options: NpmStartOptions = {}): NpmStart {
  const { via = 'npm', group = false } = options;
  const [command, args] =
    via === 'npm'
      ? ['npm', ['start']]
      : [process.execPath, ['--import', 'tsx', 'src/local/main.ts']];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, LOCAL_BUILD_DOCS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  // 'close' waits for every process holding the pipes, so a stray node would keep it open.
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const pid = () => child.pid as number;

  // DynamoDB Local's JVM alone takes 10-20 s to come up on a loaded machine.
  async function waitFor(
    pattern: RegExp,
    ms = ENGINE === 'dynamodb-local' ? 90_000 : 30_000,
  ): Promise<RegExpMatchArray> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const m = out.match(pattern);
      if (m) return m;
      if (!running()) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`no ${pattern} in output\nstdout:\n${out}\nstderr:\n${err}`);
  }

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor,
    async up(ms) {
      await waitFor(UP, ms);
    },
    stop(signal = 'SIGTERM') {
      if (running()) child.kill(signal);
      return exited;
    },
    ctrlC() {
      if (!group) throw new Error('ctrlC() needs npmStart(env, { group: true })');
      process.kill(-pid(), 'SIGINT');
      return exited;
    },
    kill() {
      try {
        if (group) process.kill(-pid(), 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

export async function readOutputs(dataDir: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(join(dataDir, 'outputs.json'), 'utf8'));
}
