/**
 * Builds the published package: one ESM bundle per entry and the declarations of everything
 * they reference. The client (`.`) bundles the contract's generated types from ../src/contract
 * and runs anywhere. The mock (`./msw`, Node) bundles the API itself: its handlers, the local
 * gateway's dispatch and the AWS SDK, with the API Gateway model of openapi.yaml computed here,
 * once, so the package reads no spec at run time; dynalite stays a dependency (it loads its
 * modules and LevelDB at run time).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const common = { bundle: true, format: 'esm', target: 'es2022', logLevel: 'warning' };

rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outdir: 'dist',
  platform: 'neutral',
  // The consumer installs it with the package.
  external: ['openapi-fetch'],
});
await build({
  ...common,
  entryPoints: ['src/msw.ts'],
  outdir: 'dist',
  platform: 'node',
  // ESM over CommonJS where a package has both; the rest may require Node's modules.
  mainFields: ['module', 'main'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  external: ['msw', 'dynalite'],
  plugins: [inlineApiModel()],
});

/** src/msw/definition.ts as the model it returns for this openapi.yaml. */
function inlineApiModel() {
  const script = `
    import { MOCK_REGION, mockApiModel } from './src/msw/definition.ts';
    const model = mockApiModel();
    process.stdout.write(JSON.stringify({
      region: MOCK_REGION,
      model: { ...model, preflights: [...model.preflights] },
    }));`;
  const { region, model } = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    }),
  );
  const contents = `export const MOCK_REGION = ${JSON.stringify(region)};
const model = ${JSON.stringify(model)};
export function mockApiModel() {
  return { ...model, preflights: new Map(model.preflights) };
}
`;
  return {
    name: 'inline-api-model',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]msw[\\/]definition\.ts$/ }, () => ({
        contents,
        loader: 'js',
      }));
    },
  };
}

// Declarations keep the repo's layout (dist/types/sdk/src, dist/types/src/...);
// dist/<entry>.d.ts points at them. Only those an entry's declarations reach are shipped.
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  { stdio: 'inherit' },
);
const ENTRIES = ['index', 'msw'];
keepReachable(ENTRIES.map((name) => `dist/types/sdk/src/${name}.d.ts`));
for (const name of ENTRIES) {
  writeFileSync(`dist/${name}.d.ts`, `export * from './types/sdk/src/${name}.js';\n`);
}

/** Deletes every declaration file under dist/types that no relative import from `roots` reaches. */
function keepReachable(roots) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from |import\()['"](\.[^'"]+)\.js['"]/g)) {
      visit(join(dirname(file), `${spec}.d.ts`));
    }
  };
  for (const root of roots) visit(join(root));
  for (const file of readdirSync('dist/types', { recursive: true })) {
    const path = join('dist/types', file);
    if (path.endsWith('.d.ts') && !reached.has(path)) rmSync(path);
  }
  for (const dir of readdirSync('dist/types', { recursive: true }).reverse()) {
    const path = join('dist/types', dir);
    if (statSync(path).isDirectory() && readdirSync(path).length === 0)
      rmSync(path, { recursive: true });
  }
}
