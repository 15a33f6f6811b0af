/**
 * Runs a staged Lambda asset as Lambda would run it: a fresh Node (this one; the tests run on the
 * function's runtime) started in the asset's directory with only the environment given, which
 * loads the handler and calls it once (test/support/lambdaRuntime.mjs). Module resolution is the
 * asset's own: no node_modules above it and no NODE_PATH entry may exist on this machine, so a
 * module the bundle does not ship fails here as it fails on Lambda.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNTIME = fileURLToPath(new URL('lambdaRuntime.mjs', import.meta.url));

export interface ProxyResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  body?: string;
  isBase64Encoded?: boolean;
}

export type Outcome =
  | { result: ProxyResult }
  | { error: { phase: 'init' | 'invoke'; errorType: string; errorMessage: string } };

export interface ArtifactRun {
  /** What the runtime reported; undefined when the process ended without a word. */
  outcome?: Outcome;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The function's log lines. */
  stdout: string;
  stderr: string;
}

export interface ArtifactInput {
  taskRoot: string;
  env: Record<string, string>;
  event: unknown;
  timeoutSeconds: number;
  accountId: string;
}

/** Packages the asset could load that it does not ship: node_modules above it, NODE_PATH. */
export function packagesOutside(taskRoot: string, nodePath = ''): string[] {
  const found: string[] = [];
  for (let dir = dirname(taskRoot); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) found.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) break;
  }
  return [...found, ...nodePath.split(':').filter((p) => p && existsSync(p))];
}

const running = new Set<ChildProcess>();

export function invokeArtifact(input: ArtifactInput): Promise<ArtifactRun> {
  const outside = packagesOutside(input.taskRoot, input.env.NODE_PATH);
  if (outside.length > 0) {
    const list = outside.join(', ');
    return Promise.reject(
      new Error(`${input.taskRoot} could load packages it does not ship: ${list}`),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [RUNTIME, String(input.timeoutSeconds), input.accountId],
      { cwd: input.taskRoot, env: input.env, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] },
    );
    running.add(child);
    const streams = { stdout: '', stderr: '', outcome: '' };
    child.stdout?.on('data', (chunk) => {
      streams.stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      streams.stderr += chunk;
    });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => {
      streams.outcome += chunk;
    });
    child.on('error', (err) => {
      running.delete(child);
      reject(err);
    });
    child.on('close', (exitCode, signal) => {
      running.delete(child);
      let outcome: Outcome | undefined;
      try {
        outcome = streams.outcome ? (JSON.parse(streams.outcome) as Outcome) : undefined;
      } catch {
        outcome = undefined;
      }
      resolve({ outcome, exitCode, signal, stdout: streams.stdout, stderr: streams.stderr });
    });
    child.stdin?.end(JSON.stringify(input.event));
  });
}

/** Ends the invocations still running (a test that gave up on one). */
export function stopArtifacts(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Why a run is not an answer API Gateway could send on (empty when it is one): the process
 * must end cleanly having reported a proxy result; a function error, a crash or silence is a
 * failure, as Lambda turns each into API Gateway's 502.
 */
export function runFailure(run: ArtifactRun): string | undefined {
  const tail = `exit ${run.exitCode ?? run.signal}; stderr: ${run.stderr.slice(-1500)}`;
  if (!run.outcome) return `the runtime reported nothing (${tail})`;
  if ('error' in run.outcome) {
    const { phase, errorType, errorMessage } = run.outcome.error;
    return `${phase} failed: ${errorType}: ${errorMessage} (${tail})`;
  }
  if (run.exitCode !== 0) return `the runtime exited badly (${tail})`;
  if (!Number.isInteger(run.outcome.result?.statusCode)) {
    return `the handler returned no proxy result: ${JSON.stringify(run.outcome.result)}`;
  }
  return undefined;
}
