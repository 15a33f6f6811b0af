/** `npm start` as a child process on free ports with its own data dir, for restart tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/local/docs.js';

export interface NpmStart {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once the banner is printed; rejects with the output if it never is. */
  up(ms?: number): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The env for a stack on three free ports keeping its data in `dataDir`. */
export async function npmStartEnv(dataDir: string): Promise<Record<string, string>> {
  return {
    PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    COGNITO_PORT: String(await freePort()),
    LOCAL_DATA_DIR: dataDir,
    LOCAL_BUILD_DOCS: 'false',
    LOG_LEVEL: 'silent',
  };
}

export function npmStart(env: Record<string, string>): NpmStart {
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async up(ms = 30_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (/local stack is up/.test(out)) return;
        if (child.exitCode !== null) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`npm start did not come up\nstdout:\n${out}\nstderr:\n${err}`);
    },
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function readOutputs(dataDir: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(join(dataDir, 'outputs.json'), 'utf8'));
}
