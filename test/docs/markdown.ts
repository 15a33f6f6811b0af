/**
 * Reading the docs pages as GitHub renders them: heading anchors, the prose outside code, and
 * the tables, so a test can compare what a page lists with what the code owns:
 * `tableNames('docs/configuration.md', '## CDK context')` is the names in the first column of
 * the first table under that heading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/repository.js';

/** The body rows (cells, trimmed) of the first table in the section under `heading`. */
export function tableRows(page: string, heading: string): string[][] {
  const lines = readFileSync(join(ROOT, page), 'utf8').split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`${page} has no heading ${heading}`);
  const first = lines.findIndex((line, i) => i > start && line.startsWith('|'));
  if (first < 0) throw new Error(`${page} has no table under ${heading}`);
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The code spans of a cell, each up to its first character that cannot be in a name (`waf=true`: `waf`). */
export function namesIn(cell: string): string[] {
  return [...cell.matchAll(/`([A-Za-z_][\w-]*)[^`]*`/g)].map((m) => m[1] as string);
}

/** The names in the first column of the first table under `heading`, sorted. */
export function tableNames(page: string, heading: string): string[] {
  return tableRows(page, heading)
    .flatMap(([first = '']) => namesIn(first))
    .sort();
}

/** GitHub's anchor for a heading's text (github-slugger, after Markdown is rendered to text). */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replaceAll(' ', '-');
}

/** The page's lines outside fenced code blocks. */
export function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}
