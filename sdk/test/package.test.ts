/**
 * The published package works for another project: build and `npm pack` a copy of sdk/ (the
 * working tree's sdk/dist is never touched), install the tarball into an empty project, import
 * it with node, run its mock and type-check a consumer. The install is offline and needs nothing
 * in the npm cache: the SDK's runtime dependencies come packed from the repo's node_modules.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installedDir, type Registry, startRegistry } from '../../test/support/sdkPackage.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
let dir = '';
let tarball = '';
let project = '';
let registry: Registry | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'task-api-sdk-'));
  const copy = join(dir, 'sdk');
  for (const entry of ['package.json', 'README.md', 'tsconfig.build.json', 'build.mjs', 'src']) {
    await cp(join(root, 'sdk', entry), join(copy, entry), { recursive: true });
  }
  // The build bundles from beside the package, as in the repo: the contract for the client, the
  // API itself (handlers, local gateway, openapi.yaml's API Gateway model) for the mock.
  for (const entry of ['src', 'infra', 'openapi.yaml']) {
    await cp(join(root, entry), join(dir, entry), { recursive: true });
  }
  await writeFile(join(dir, 'package.json'), '{"private":true,"type":"module"}');
  // The repo's packages, for the build and for the sources it bundles from beside the package.
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await run('npm', ['run', 'build'], { cwd: copy });
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: copy });
  // Past the build, the consumer finds only msw (the SDK's optional peer, its own choice) above
  // it: what the SDK needs besides must come with the package.
  await rm(join(dir, 'node_modules'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(installedDir('msw', root), join(dir, 'node_modules', 'msw'), 'dir');
  const name = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  if (!name) throw new Error(`npm pack wrote no tarball in ${dir}`);
  tarball = join(dir, name);
  project = join(dir, 'consumer');
  await mkdir(project);
  // The SDK's dependencies come from a registry on 127.0.0.1 serving the repo's installed copies
  // (each version a dependent loads), so the install needs no network and no npm cache.
  await mkdir(join(dir, 'registry'));
  registry = await startRegistry(join(copy, 'package.json'), join(dir, 'registry'));
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { '@task-api/sdk': `file:${tarball}` },
    }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: project,
    env: {
      ...process.env,
      npm_config_registry: registry.url,
      npm_config_cache: join(dir, 'npm-cache'),
      npm_config_update_notifier: 'false',
    },
  });
}, 240_000);

afterAll(async () => {
  await registry?.close();
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
  expect(sdk?.version).toBe('2.0.0');
  for (const name of ['openapi-fetch', 'dynalite']) {
    expect(sdk?.dependencies?.[name]?.version).toBe(
      require(require.resolve(`${name}/package.json`, { paths: [root] })).version,
    );
  }
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

it('answers through msw with the packed mock: the API itself, its dynalite installed', async () => {
  const script = `
    import { createTaskApiClient } from '@task-api/sdk';
    import { createTaskApiHandlers } from '@task-api/sdk/msw';
    import { setupServer } from 'msw/node';
    const baseUrl = 'https://api.test';
    const server = setupServer(...createTaskApiHandlers({ baseUrl, users: { t: { sub: 'alice' } } }));
    server.listen({ onUnhandledFrame: 'error' });
    const client = (token) => createTaskApiClient({ baseUrl, getToken: () => token });
    const created = await client('t').createTask({ title: 'packed' });
    const { data } = await client('t').listTasks();
    const stranger = await client('x').listTasks();
    server.close();
    console.log(JSON.stringify({
      created: created.response.status,
      titles: data.tasks.map((t) => t.title),
      stranger: stranger.response.status,
    }));
  `;
  await writeFile(join(project, 'mock.mjs'), script);

  const { stdout } = await run(process.execPath, ['mock.mjs'], { cwd: project });

  expect(JSON.parse(stdout)).toEqual({ created: 201, titles: ['packed'], stranger: 401 });
});

// A full tsc run over the consumer and its lib types: about 30 s on 2 shared cores.
it('type-checks a TypeScript consumer against the shipped .d.ts', async () => {
  await writeFile(
    join(project, 'main.ts'),
    `import { createTaskApiClient, type Member, type Task } from '@task-api/sdk';
     import { createTaskApiMock, type MockUser } from '@task-api/sdk/msw';
     const client = createTaskApiClient({ baseUrl: 'http://localhost:3000', getToken: () => 't' });
     const { data } = await client.getTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y');
     const task: Task | undefined = data;
     // @ts-expect-error title is required
     await client.createTask({});
     const members: AsyncGenerator<Member, void, undefined> = client.paginate('listMembers', 'w');
     const users: Record<string, MockUser> = { t: { sub: 'alice', admin: true } };
     const mock = createTaskApiMock({ baseUrl: 'https://api.test', users, maxTasksPerUser: 5 });
     // @ts-expect-error baseUrl is required
     createTaskApiMock({ users });
     export { members, mock, task };`,
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
