/**
 * The published package works for another project: build and `npm pack` a copy of sdk/ (the
 * working tree's sdk/dist is never touched), install the tarball into an empty project, import
 * it with node and type-check a consumer. The install is offline and needs nothing in the npm
 * cache: the SDK's runtime dependencies come packed from the repo's node_modules.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packInstalled, runtimeDependencies } from '../../test/support/sdkPackage.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
let dir = '';
let tarball = '';
let project = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'task-api-sdk-'));
  const copy = join(dir, 'sdk');
  for (const entry of ['package.json', 'README.md', 'tsconfig.build.json', 'build.mjs', 'src']) {
    await cp(join(root, 'sdk', entry), join(copy, entry), { recursive: true });
  }
  // The build bundles the contract and the workspace policy from beside the package, as in the
  // repo (ESM): the mock's rules are the API's.
  await cp(join(root, 'src', 'contract'), join(dir, 'src', 'contract'), { recursive: true });
  await mkdir(join(dir, 'src', 'workspaces'), { recursive: true });
  await cp(
    join(root, 'src', 'workspaces', 'policy.ts'),
    join(dir, 'src', 'workspaces', 'policy.ts'),
  );
  await writeFile(join(dir, 'package.json'), '{"private":true,"type":"module"}');
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  await run('npm', ['run', 'build'], { cwd: copy });
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: copy });
  const name = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  if (!name) throw new Error(`npm pack wrote no tarball in ${dir}`);
  tarball = join(dir, name);
  project = join(dir, 'consumer');
  await mkdir(project);
  // `npm ci` caches tarballs but not registry metadata, so `--offline` cannot resolve a range
  // like openapi-fetch@^0.17.0 on a fresh machine: the consumer lists the packed copies instead.
  const dependencies: Record<string, string> = { '@task-api/sdk': `file:${tarball}` };
  for (const name of runtimeDependencies(join(copy, 'package.json'))) {
    dependencies[name] = `file:${await packInstalled(name, dir)}`;
  }
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }),
  );
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: project });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('ships only dist, README.md and package.json', async () => {
  const { stdout } = await run('tar', ['-tzf', tarball]);
  const files = stdout.trim().split('\n');
  expect(files).toContain('package/dist/index.js');
  expect(files).toContain('package/dist/index.d.ts');
  expect(files).toContain('package/dist/msw.js');
  expect(files).toContain('package/README.md');
  expect(files.filter((f) => !/^package\/(dist\/|README\.md$|package\.json$)/.test(f))).toEqual([]);
});

it('installs with its declared dependencies and nothing missing', async () => {
  const { stdout } = await run('npm', ['ls', '--all', '--json'], { cwd: project });

  type Tree = { version?: string; problems?: string[]; dependencies?: Record<string, Tree> };
  const tree = JSON.parse(stdout) as Tree;
  const sdk = tree.dependencies?.['@task-api/sdk'];
  expect(tree.problems).toBeUndefined();
  expect(sdk?.version).toBe('1.0.0');
  expect(sdk?.dependencies?.['openapi-fetch']?.version).toBe(
    require(require.resolve('openapi-fetch/package.json', { paths: [root] })).version,
  );
});

it('imports with node and calls the API through createTaskApiClient', async () => {
  const script = `
    import { createTaskApiClient } from '@task-api/sdk';
    const seen = [];
    const client = createTaskApiClient({
      baseUrl: 'https://api.example',
      getToken: () => 'id-token',
      fetch: async (request) => {
        seen.push([request.method, request.url, request.headers.get('authorization')]);
        return new Response(JSON.stringify({ tasks: [], count: 0 }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const { data } = await client.listTasks({ limit: 5 });
    console.log(JSON.stringify({ data, seen, msw: import.meta.resolve('@task-api/sdk/msw') }));
  `;
  await writeFile(join(project, 'main.mjs'), script);

  const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: project });

  const out = JSON.parse(stdout) as { data: unknown; seen: string[][]; msw: string };
  expect(out.data).toEqual({ tasks: [], count: 0 });
  expect(out.seen).toEqual([['GET', 'https://api.example/tasks?limit=5', 'id-token']]);
  expect(out.msw).toMatch(/node_modules\/@task-api\/sdk\/dist\/msw\.js$/);
});

// A full tsc run over the consumer and its lib types: about 30 s on 2 shared cores.
it('type-checks a TypeScript consumer against the shipped .d.ts', async () => {
  await writeFile(
    join(project, 'main.ts'),
    `import { createTaskApiClient, type Task } from '@task-api/sdk';
     const client = createTaskApiClient({ baseUrl: 'http://localhost:3000', getToken: () => 't' });
     const { data } = await client.getTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y');
     const task: Task | undefined = data;
     // @ts-expect-error title is required
     await client.createTask({});
     export { task };`,
  );
  const args = [
    '--noEmit',
    '--strict',
    '--module',
    'nodenext',
    '--target',
    'es2022',
    '--lib',
    'es2022,dom',
    'main.ts',
  ];

  const result = await run(process.execPath, [tsc, ...args], { cwd: project }).catch(
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  );

  expect(result.stdout).toBe('');
}, 120_000);
