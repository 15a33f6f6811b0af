/**
 * Every relative link of the Markdown pages resolves: the file exists, and its `#anchor` is a
 * heading of the target page as GitHub derives anchors (github-slugger: lower case, punctuation
 * dropped, spaces to hyphens, `-1`, `-2` for repeats). Source comments and alarm texts that cite
 * a page's section (`docs/operations.md#alarms`) are held to the same rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/repository.js';
import { prose, slug } from './markdown.js';

const PAGES = [
  'README.md',
  'CHANGELOG.md',
  'sdk/README.md',
  'infra/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const SOURCE_DIRS = ['src', 'infra', 'scripts', 'test', 'sdk/src', 'sdk/test', 'web/src', '.ci'];

const anchorCache = new Map<string, Set<string>>();
/** The anchors a page has: one per heading (repeats numbered) and any HTML `id`/`name`. */
function anchorsOf(page: string): Set<string> {
  const cached = anchorCache.get(page);
  if (cached) return cached;
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of prose(readFileSync(join(ROOT, page), 'utf8'))) {
    const heading = /^#{1,6} (.*)$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count ? `${base}-${count}` : base);
    }
    for (const m of line.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(m[1] as string);
  }
  anchorCache.set(page, anchors);
  return anchors;
}

interface Link {
  from: string;
  target: string;
}

/** Relative links and images of a page, outside code (fenced blocks and inline spans). */
function linksOf(page: string): Link[] {
  return prose(readFileSync(join(ROOT, page), 'utf8')).flatMap((line) =>
    [...line.replace(/`[^`]*`/g, '').matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
      .map((m) => m[1] as string)
      .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target))
      .map((target) => ({ from: page, target })),
  );
}

/** Why a link does not resolve, or undefined when it does. */
function broken({ from, target }: Link): string | undefined {
  const [path = '', anchor] = target.split('#');
  const page = path ? relative(ROOT, join(ROOT, dirname(from), decodeURIComponent(path))) : from;
  if (page.startsWith('..') || !existsSync(join(ROOT, page))) return `${from}: ${target}: no file`;
  if (anchor === undefined) return undefined;
  if (!page.endsWith('.md')) return `${from}: ${target}: an anchor into a file that is not a page`;
  return anchorsOf(page).has(anchor) ? undefined : `${from}: ${target}: no such heading`;
}

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'output') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$|^run$/.test(name) ? [path] : [];
  });
}

describe('links in the Markdown pages', () => {
  const links = PAGES.flatMap(linksOf);

  it('are found (the check reads the pages)', () => {
    expect(links.length).toBeGreaterThan(50);
    expect(links).toContainEqual({ from: 'README.md', target: 'docs/api.md' });
  });

  it.each(PAGES)('in %s all resolve, anchors included', (page) => {
    expect(links.filter((l) => l.from === page).flatMap((l) => broken(l) ?? [])).toEqual([]);
  });
});

describe('pages cited by the code', () => {
  // `README.md`, `docs/<page>.md#<anchor>`, and the short form without `.md`.
  const cited = [...SOURCE_DIRS.flatMap(sourceFiles), 'openapi.yaml'].flatMap((file) =>
    [
      ...readFileSync(join(ROOT, file), 'utf8').matchAll(
        /\b((?:docs\/[\w-]+|(?:sdk\/|infra\/)?README))(\.md(?:#[\w-]+)?|#[\w-]+)/g,
      ),
    ].map(([, page, rest = '']) => ({
      file,
      target: `${page}${rest.startsWith('#') ? `.md${rest}` : rest}`,
    })),
  );

  it('are found (the check reads the sources)', () => {
    expect(cited.length).toBeGreaterThan(10);
  });

  it('name pages and sections that exist', () => {
    const bad = cited.filter(({ target }) => broken({ from: 'README.md', target }) !== undefined);
    expect(bad).toEqual([]);
  });
});
