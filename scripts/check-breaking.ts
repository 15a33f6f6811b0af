/**
 * `npm run check:breaking`: compares openapi.yaml with the last released contract and fails on
 * a change that breaks clients (removed operation or field, narrowed type, new required input)
 * unless info.version takes a major step. Bodies, operations and response headers are diffed by
 * openapi-diff (Atlassian); it does not look at parameters, so they are compared here.
 * The released contract is the spec at the newest `v*` git tag, else the newest committed
 * baseline docs/releases/openapi-<version>.yaml. It also checks that the SDK's version is
 * info.version and that CHANGELOG.md has a section for it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiDiff from 'openapi-diff';
import { parse } from 'yaml';

export interface Contract {
  text: string;
  /** Where it came from, for the report: `tag v1.0.0`, a file path. */
  label: string;
}

export interface CheckResult {
  ok: boolean;
  lines: string[];
}

type Json = Record<string, unknown>;
type Param = { name: string; in: string; required?: boolean; schema?: Json; $ref?: string };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Major version of a semver string; NaN if it is not one. */
function major(version: string): number {
  const m = /^(\d+)\.\d+\.\d+/.exec(version);
  return m ? Number(m[1]) : Number.NaN;
}

function parameters(spec: Json, path: string, method: string): Map<string, Param> {
  const paths = spec.paths as Record<string, Record<string, { parameters?: Param[] }>>;
  const item = paths[path] ?? {};
  const shared = (item as { parameters?: Param[] }).parameters ?? [];
  const components = ((spec.components as Json | undefined)?.parameters ?? {}) as Record<
    string,
    Param
  >;
  const resolveRef = (p: Param) =>
    p.$ref ? (components[p.$ref.replace('#/components/parameters/', '')] as Param) : p;
  const out = new Map<string, Param>();
  for (const p of [...shared, ...(item[method]?.parameters ?? [])].map(resolveRef)) {
    if (p) out.set(`${p.in} ${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p);
  }
  return out;
}

/** A schema without its prose, so a reworded description is no change. */
function shape(schema: Json | undefined): string {
  return JSON.stringify(schema ?? {}, (key, value) =>
    key === 'description' || key === 'example' ? undefined : value,
  );
}

/** What openapi-diff leaves out: a parameter removed, added as required, made required or retyped. */
function parameterBreaks(base: Json, head: Json): string[] {
  const breaks: string[] = [];
  const headPaths = head.paths as Record<string, Json>;
  for (const [path, item] of Object.entries(base.paths as Record<string, Json>)) {
    for (const method of HTTP_METHODS.filter((m) => m in item && m in (headPaths[path] ?? {}))) {
      const where = `${method.toUpperCase()} ${path}`;
      const before = parameters(base, path, method);
      const after = parameters(head, path, method);
      for (const [key, p] of after) {
        const old = before.get(key);
        if (!old && p.required) breaks.push(`${where}: new required parameter ${key}`);
        if (old && p.required && !old.required) breaks.push(`${where}: ${key} became required`);
        if (old && shape(old.schema) !== shape(p.schema)) {
          breaks.push(`${where}: the schema of ${key} changed`);
        }
      }
      for (const key of before.keys()) {
        if (!after.has(key)) breaks.push(`${where}: parameter ${key} removed`);
      }
    }
  }
  return breaks;
}

export async function checkBreaking(
  base: Contract,
  head: Contract,
  extra: { sdkVersion?: string; changelog?: string } = {},
): Promise<CheckResult> {
  const baseSpec = parse(base.text) as Json;
  const headSpec = parse(head.text) as Json;
  const baseVersion = String((baseSpec.info as Json).version);
  const headVersion = String((headSpec.info as Json).version);
  const lines = [`compared ${head.label} (${headVersion}) with ${base.label} (${baseVersion})`];
  let ok = true;

  const diff = await openapiDiff.diffSpecs({
    sourceSpec: { content: base.text, location: base.label, format: 'openapi3' },
    destinationSpec: { content: head.text, location: head.label, format: 'openapi3' },
  });
  const breaking = [
    ...(diff.breakingDifferencesFound
      ? diff.breakingDifferences.map((d) => {
          const at = d.destinationSpecEntityDetails[0] ?? d.sourceSpecEntityDetails[0];
          return `${d.code} at ${at?.location ?? '?'}`;
        })
      : []),
    ...parameterBreaks(baseSpec, headSpec),
  ];
  const majorStep = major(headVersion) > major(baseVersion);
  if (breaking.length === 0) {
    lines.push('no breaking change');
  } else if (majorStep) {
    lines.push(`${breaking.length} breaking change(s), accepted by the major step:`);
    lines.push(...breaking.map((b) => `  ${b}`));
  } else {
    ok = false;
    lines.push(
      `${breaking.length} breaking change(s) without a major version step (info.version ${baseVersion} -> ${headVersion}):`,
    );
    lines.push(...breaking.map((b) => `  ${b}`));
  }
  if (extra.sdkVersion !== undefined && extra.sdkVersion !== headVersion) {
    ok = false;
    lines.push(
      `sdk/package.json version ${extra.sdkVersion} must equal info.version ${headVersion}`,
    );
  }
  if (extra.changelog !== undefined && !extra.changelog.includes(`## ${headVersion}`)) {
    ok = false;
    lines.push(`CHANGELOG.md has no "## ${headVersion}" section for this contract's changes`);
  }
  return { ok, lines };
}

export const BASELINE_DIR = 'docs/releases';

/** The last released contract: the newest `v*` tag's openapi.yaml, else the newest baseline. */
export function releasedContract(root: string): Contract {
  let tags: string[] = [];
  try {
    tags = execFileSync('git', ['tag', '--list', 'v*', '--sort=-v:refname'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
  } catch {
    // Not a git checkout (e.g. an unpacked tarball): fall back to the baseline.
  }
  for (const tag of tags) {
    try {
      const text = execFileSync('git', ['show', `${tag}:openapi.yaml`], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return { text, label: `tag ${tag}` };
    } catch {
      // A tag from before openapi.yaml existed: try the next.
    }
  }
  const dir = join(root, BASELINE_DIR);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^openapi-\d+\.\d+\.\d+\.yaml$/.test(f))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    : [];
  const newest = files.at(-1);
  if (!newest) throw new Error(`no v* git tag and no ${BASELINE_DIR}/openapi-<version>.yaml`);
  const file = join(BASELINE_DIR, newest);
  return {
    text: readFileSync(join(root, file), 'utf8'),
    label: `${file} (no v* git tag here)`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(process.argv[2] ?? '.');
  const head = { text: readFileSync(join(root, 'openapi.yaml'), 'utf8'), label: 'openapi.yaml' };
  const sdk = join(root, 'sdk/package.json');
  const changelog = join(root, 'CHANGELOG.md');
  const result = await checkBreaking(releasedContract(root), head, {
    sdkVersion: existsSync(sdk) ? (JSON.parse(readFileSync(sdk, 'utf8')).version as string) : '',
    changelog: existsSync(changelog) ? readFileSync(changelog, 'utf8') : '',
  });
  for (const line of result.lines) console.log(line);
  process.exit(result.ok ? 0 : 1);
}
