/**
 * Builds the published package: one ESM bundle per entry (the contract's generated types,
 * validators and problem catalogue from ../src/contract, and the mock's workspace rules from
 * ../src/workspaces/policy.ts, are bundled in, so consumers install one package and the mock
 * decides as the API does) and the declarations of everything they reference.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const ENTRIES = ['index', 'msw'];
const require = createRequire(import.meta.url);

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ENTRIES.map((name) => `src/${name}.ts`),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  // Runtime dependencies the consumer installs with the package (msw as an optional peer).
  external: ['openapi-fetch', 'msw'],
  logLevel: 'warning',
});
// Declarations keep the repo's layout (dist/types/sdk/src, dist/types/src/contract);
// dist/<entry>.d.ts points at them.
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    stdio: 'inherit',
  },
);
mkdirSync('dist', { recursive: true });
for (const name of ENTRIES) {
  writeFileSync(`dist/${name}.d.ts`, `export * from './types/sdk/src/${name}.js';\n`);
}
