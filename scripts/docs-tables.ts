/**
 * Writes the tables of docs/api.md that restate the contract: the operations (from openapi.yaml)
 * and the problem types (from the catalogue, src/contract/problems.ts, with the words of the
 * spec's "Problem types" section). Each sits between BEGIN and END markers and is never edited
 * by hand. `--check` lists the stale files and fails. `npm run generate` runs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROBLEM_SLUGS, PROBLEMS } from '../src/contract/problems.js';
import { deref, loadSpec, operations, type Spec } from '../src/openapi.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const API_PAGE = 'docs/api.md';

type Json = Record<string, unknown>;

const code = (text: string) => `\`${text}\``;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** The schema a response names, `Task` for `#/components/schemas/Task`; '' for none. */
function schemaName(response: Json): string {
  const content = response.content as Record<string, { schema?: Json }> | undefined;
  const ref = content?.['application/json']?.schema?.$ref;
  return typeof ref === 'string' ? (ref.split('/').pop() ?? '') : '';
}

function successOf(spec: Spec, responses: Record<string, unknown>): string {
  return Object.entries(responses)
    .filter(([status]) => status.startsWith('2'))
    .map(([status, value]) => {
      const response = deref(spec, value);
      const name = schemaName(response);
      const headers = Object.keys((response.headers as Json | undefined) ?? {}).map(code);
      return [status, name && code(name), headers.length ? `(${headers.join(', ')})` : '']
        .filter(Boolean)
        .join(' ');
    })
    .join('; ');
}

/** One row per operation of openapi.yaml, in the spec's order. */
export function operationsTable(spec: Spec = loadSpec()): string {
  const lines = [
    row(['operation', 'method and path', 'query', 'headers', 'success', 'summary']),
    row(['---', '---', '---', '---', '---', '---']),
  ];
  for (const { operationId, method, path, operation, parameters } of operations(spec)) {
    const names = (where: string) =>
      parameters
        .filter((p) => p.in === where)
        .map((p) => code(p.name) + (p.required ? ' (required)' : ''))
        .join(', ');
    lines.push(
      row([
        code(operationId),
        code(`${method.toUpperCase()} ${path}`),
        names('query'),
        names('header'),
        successOf(spec, operation.responses as Record<string, unknown>),
        String(operation.summary ?? ''),
      ]),
    );
  }
  return lines.join('\n');
}

/** Each `## <slug>` entry of the spec's "Problem types" section, as one line of text. */
export function problemTexts(spec: Spec = loadSpec()): Map<string, string> {
  const description = String((spec.info as { description?: string }).description ?? '');
  const section = description.slice(description.indexOf('# Problem types'));
  const texts = new Map<string, string>();
  for (const entry of section.split(/^## /m).slice(1)) {
    const [slug = '', ...body] = entry.split('\n');
    const text = body
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/^\s*\*\*[^*]*\*\*\s*/, '')
      .trim();
    texts.set(slug.trim(), text);
  }
  return texts;
}

/** One row per problem type of the catalogue, in its order. */
export function problemTypesTable(spec: Spec = loadSpec()): string {
  const texts = problemTexts(spec);
  const lines = [row(['type', 'status', 'title', 'when']), row(['---', '---', '---', '---'])];
  for (const slug of PROBLEM_SLUGS) {
    const { status, title } = PROBLEMS[slug];
    const when = texts.get(slug);
    if (when === undefined) {
      throw new Error(`openapi.yaml's Problem types section has no entry for ${slug}`);
    }
    lines.push(row([code(slug), String(status), title, when.replaceAll('|', '\\|')]));
  }
  return lines.join('\n');
}

const begin = (name: string) => `<!-- BEGIN generated: ${name} (npm run generate; do not edit) -->`;
const end = (name: string) => `<!-- END generated: ${name} -->`;

/** `page` with the text between the markers named `name` replaced by `table`. */
export function withTable(page: string, name: string, table: string): string {
  const from = page.indexOf(begin(name));
  const to = page.indexOf(end(name));
  if (from < 0 || to < from) throw new Error(`no markers for the ${name} table`);
  return `${page.slice(0, from)}${begin(name)}\n${table}\n${page.slice(to)}`;
}

/** docs/api.md as it should be. */
export function apiPage(current: string, spec: Spec = loadSpec()): string {
  return withTable(
    withTable(current, 'operations', operationsTable(spec)),
    'problem types',
    problemTypesTable(spec),
  );
}

/** The files whose generated tables differ from what the sources say. */
export function staleDocs(): string[] {
  const path = `${root}${API_PAGE}`;
  const current = readFileSync(path, 'utf8');
  return apiPage(current) === current ? [] : [API_PAGE];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleDocs();
    if (stale.length) {
      console.error(`stale generated tables in ${stale.join(', ')}: run npm run generate`);
      process.exit(1);
    }
  } else {
    const path = `${root}${API_PAGE}`;
    writeFileSync(path, apiPage(readFileSync(path, 'utf8')));
    console.log(`wrote the tables of ${API_PAGE}`);
  }
}
