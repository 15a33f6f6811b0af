/**
 * Bundles one Lambda per operationId in openapi.yaml (docs/architecture.md#the-aws-stack):
 * src/handlers/<operationId>.ts -> dist/handlers/<operationId>/ with index.mjs (the entry point,
 * scripts/lambda/loader.mjs), app.cjs (the bundle), app.<node>-<arch>.cache (its V8 code cache) and the SDK
 * fallbacks of scripts/lambda/trim-sdk.ts. The CDK stack deploys exactly these directories, so
 * a benchmark of them measures what runs in AWS. What each step buys:
 * docs/performance.md#a-cold-start-below-the-bare-client.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { loadSpec, operations, SPEC_PATH } from '../src/openapi.js';
import { codeCacheFile, writeCodeCache } from './lambda/code-cache.js';
import { FALLBACKS, trimSdk } from './lambda/trim-sdk.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** ESM output still meets CommonJS deps (parts of the AWS SDK) that call require(). */
export const BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface BuildOptions {
  /** @default - the repository's openapi.yaml */
  specPath?: string;
  /** Where `<operationId>.ts` entry points live. @default - src/handlers */
  handlersDir?: string;
  /** Gets `<operationId>/index.mjs` per operation; emptied first. @default - dist/handlers */
  outDir?: string;
  /** Only these operations (a benchmark may build one). @default - every operation in the spec */
  operationIds?: string[];
  /** @default - console.log */
  log?: (line: string) => void;
  /**
   * `plain`: one ESM index.mjs as any bundled Lambda gets the SDK, with no trimming and no code
   * cache (the benchmark's floor). @default 'lambda'
   */
  mode?: 'lambda' | 'plain';
}

export interface Bundle {
  operationId: string;
  /** Absolute path of the bundle's index.mjs. */
  path: string;
  /** The JavaScript a cold start loads (index.mjs, and app.cjs in lambda mode). */
  bytes: number;
  gzipBytes: number;
  /** The V8 code cache shipped with it (0 in plain mode). */
  cacheBytes: number;
}

export interface BuildResult {
  bundles: Bundle[];
  /** esbuild's metafile, also written to `<outDir>/meta.json` (inspect with esbuild's analyzer). */
  metafile: esbuild.Metafile;
}

/** The operationIds in the spec, in spec order. */
export function operationIds(specPath = SPEC_PATH): string[] {
  return operations(loadSpec(specPath)).map((op) => op.operationId);
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const handlersDir = resolve(options.handlersDir ?? join(root, 'src/handlers'));
  const outDir = resolve(options.outDir ?? join(root, 'dist/handlers'));
  const log = options.log ?? console.log;
  const ids = options.operationIds ?? operationIds(options.specPath);

  const entry = (id: string) => join(handlersDir, `${id}.ts`);
  const missing = ids.filter((id) => !existsSync(entry(id)));
  if (missing.length > 0) {
    const list = missing.map((id) => `${id} (${relative(root, entry(id))})`).join(', ');
    throw new Error(`no handler file for operation ${list}: every operationId needs one`);
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const lambda = (options.mode ?? 'lambda') === 'lambda';
  const result = await esbuild.build({
    ...ESBUILD,
    entryPoints: ids.map((id) => ({ in: entry(id), out: lambda ? `${id}/app` : `${id}/index` })),
    outdir: outDir,
    ...(lambda ? LAMBDA : PLAIN),
  });
  await writeFile(join(outDir, 'meta.json'), JSON.stringify(result.metafile));

  if (lambda) {
    const fallbacks = await buildFallbacks(outDir);
    for (const id of ids) await finishLambda(join(outDir, id), id, fallbacks);
  }
  const bundles: Bundle[] = [];
  for (const id of ids) bundles.push(await measure(id, join(outDir, id), lambda));
  const width = Math.max(...ids.map((id) => id.length));
  for (const b of bundles) {
    const cache = lambda ? `  ${kib(b.cacheBytes)} code cache` : '';
    log(
      `${b.operationId.padEnd(width)}  ${kib(b.bytes)} minified  ${kib(b.gzipBytes)} gzipped${cache}`,
    );
  }
  return { bundles, metafile: result.metafile };
}

const ESBUILD = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  // ESM builds first: the AWS SDK's dist-es tree-shakes, its CommonJS build does not.
  mainFields: ['module', 'main'],
  minify: true,
  treeShaking: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
} as const satisfies esbuild.BuildOptions;

/** What any bundled Lambda gets: one ESM file. */
const PLAIN = {
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  banner: { js: BANNER },
} as const satisfies esbuild.BuildOptions;

/**
 * CommonJS, because vm.Script (the only way to hand V8 a code cache for a given source) runs
 * scripts, not modules; `import()` becomes require() for the same reason.
 */
const LAMBDA = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  supported: { 'dynamic-import': false },
  plugins: [trimSdk()],
} as const satisfies esbuild.BuildOptions;

const LOADER = fileURLToPath(new URL('lambda/loader.mjs', import.meta.url));

/** The SDK's own code the trimmed bundles load off the Lambda path: the same for every handler. */
async function buildFallbacks(outDir: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const fallback of FALLBACKS) {
    const result = await esbuild.build({
      ...ESBUILD,
      ...LAMBDA,
      metafile: false,
      plugins: [],
      write: false,
      stdin: { contents: fallback.contents, resolveDir: root, loader: 'ts' },
      outfile: join(outDir, fallback.file),
    });
    files[fallback.file] = result.outputFiles[0]?.contents ?? new Uint8Array();
  }
  return files;
}

/** The entry point, the SDK fallbacks the trimmed bundle may load, then the code cache. */
async function finishLambda(
  dir: string,
  operationId: string,
  fallbacks: Record<string, Uint8Array>,
) {
  await copyFile(LOADER, join(dir, 'index.mjs'));
  for (const [file, contents] of Object.entries(fallbacks))
    await writeFile(join(dir, file), contents);
  await writeCodeCache(dir, operationId);
}

async function measure(operationId: string, dir: string, lambda: boolean): Promise<Bundle> {
  const path = join(dir, 'index.mjs');
  const code = Buffer.concat([
    await readFile(path),
    ...(lambda ? [await readFile(join(dir, 'app.cjs'))] : []),
  ]);
  const cacheBytes = lambda ? (await stat(join(dir, codeCacheFile()))).size : 0;
  return { operationId, path, bytes: code.length, gzipBytes: gzipSync(code).length, cacheBytes };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1).padStart(7)} KiB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await build();
  } catch (error) {
    console.error(`build failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
