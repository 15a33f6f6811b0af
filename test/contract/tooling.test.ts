/** The static checks run as tests, so CI's count includes them: types, lint, spec lint. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

async function check(command: string, args: string[]) {
  try {
    await run(command, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return '';
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}

describe('static checks', () => {
  it('type-checks the whole project, including the SDK type tests (tsc --noEmit)', async () => {
    expect(await check('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])).toBe('');
  }, 180_000);

  it('passes Biome (formatting and lint, no focused or skipped tests)', async () => {
    expect(await check('npx', ['biome', 'ci', '.'])).toBe('');
  }, 60_000);

  it('passes redocly lint with the recommended rules', async () => {
    const out = await check('npx', ['redocly', 'lint', 'openapi.yaml']);
    expect(out.replace(/[^\n]*║[^\n]*\n?|[^\n]*[╔╚][^\n]*\n?/g, '')).toBe('');
  }, 60_000);
});
