/**
 * Bundles one Lambda per operationId in openapi.yaml (docs/architecture.md#the-aws-stack):
 * src/handlers/<operationId>.ts -> dist/handlers/<operationId>/index.mjs.
 * The CDK stack deploys exactly these files, so a benchmark of them measures what runs in AWS.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { loadSpec, operations, SPEC_PATH } from '../src/openapi.js';

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
}

export interface Bundle {
  operationId: string;
  /** Absolute path of the bundle's index.mjs. */
  path: string;
  bytes: number;
  gzipBytes: number;
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
  const result = await esbuild.build({
    entryPoints: ids.map((id) => ({ in: entry(id), out: `${id}/index` })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // ESM builds first: the AWS SDK's dist-es tree-shakes, its CommonJS build does not.
    mainFields: ['module', 'main'],
    minify: true,
    treeShaking: true,
    legalComments: 'none',
    metafile: true,
    banner: { js: BANNER },
    logLevel: 'warning',
  });
  await writeFile(join(outDir, 'meta.json'), JSON.stringify(result.metafile));

  const bundles: Bundle[] = [];
  for (const id of ids) {
    const path = join(outDir, id, 'index.mjs');
    const code = await readFile(path);
    bundles.push({ operationId: id, path, bytes: code.length, gzipBytes: gzipSync(code).length });
  }
  const width = Math.max(...ids.map((id) => id.length));
  for (const b of bundles) {
    log(`${b.operationId.padEnd(width)}  ${kib(b.bytes)} minified  ${kib(b.gzipBytes)} gzipped`);
  }
  return { bundles, metafile: result.metafile };
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
