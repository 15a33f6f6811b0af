/**
 * The published package works for another project: build and `npm pack` a copy of sdk/ (the
 * working tree's sdk/dist is never touched), install the tarball into an empty project
 * (offline, from the npm cache), import it with node and type-check a consumer.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let dir = '';
let tarball = '';
let project = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'task-api-sdk-'));
  const copy = join(dir, 'sdk');
  for (const entry of ['package.json', 'README.md', 'tsconfig.build.json', 'build.mjs', 'src']) {
    await cp(join(root, 'sdk', entry), join(copy, entry), { recursive: true });
  }
  // The build bundles the one contract module from beside the package, as in the repo (ESM).
  await cp(join(root, 'src', 'contract'), join(dir, 'src', 'contract'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{"private":true,"type":"module"}');
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  await run('npm', ['run', 'build'], { cwd: copy });
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: copy });
  const name = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  if (!name) throw new Error(`npm pack wrote no tarball in ${dir}`);
  tarball = join(dir, name);
  project = join(dir, 'consumer');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    '{"name":"consumer","private":true,"type":"module"}',
  );
  await run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: project });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('ships only dist, README.md and package.json', async () => {
  const { stdout } = await run('tar', [
    '-tzf',
    join(dir, (await readdir(dir)).find((f) => f.endsWith('.tgz')) ?? ''),
  ]);
  const files = stdout.trim().split('\n');
  expect(files).toContain('package/dist/index.js');
  expect(files).toContain('package/dist/index.d.ts');
  expect(files).toContain('package/dist/msw.js');
  expect(files).toContain('package/README.md');
  expect(files.filter((f) => !/^package\/(dist\/|README\.md$|package\.json$)/.test(f))).toEqual([]);
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
});
