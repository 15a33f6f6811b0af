/**
 * Vitest global setup: a scratch directory for this run only, removed when it ends. Test files
 * run in separate processes; they share work through it (test/support/sharedSynth.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}

export function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'task-api-run-'));
  project.provide('runDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
