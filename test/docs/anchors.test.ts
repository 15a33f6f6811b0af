/**
 * Every anchor of docs/architecture.md that a source comment cites (`architecture.md#...`) is a
 * heading of that page, as GitHub derives its anchors (lower case, spaces to hyphens,
 * punctuation dropped).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { slug } from './markdown.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['src', 'infra', 'scripts', 'test', 'web/src', 'sdk/src'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe('docs/architecture.md anchors', () => {
  const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const anchors = new Set(
    page
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, ''))),
  );
  const cited = DIRS.flatMap((dir) => {
    const full = join(ROOT, dir);
    try {
      statSync(full);
    } catch {
      return [];
    }
    return files(full).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/architecture\.md#([\w-]+)/g)].map((m) => ({
        file: relative(ROOT, file),
        anchor: m[1] as string,
      })),
    );
  });

  it('are cited somewhere (the check reads the sources)', () => {
    expect(cited.length).toBeGreaterThan(10);
  });

  it('all name a heading of the page', () => {
    const broken = cited.filter(({ anchor }) => !anchors.has(anchor));
    expect(broken).toEqual([]);
  });
});
