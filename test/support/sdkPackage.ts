/**
 * The SDK's runtime dependencies as the registry would serve them, made from the repository's
 * installed copies, so installing the packed SDK needs no network and nothing in the npm cache.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './repository.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The names in `dependencies` of a package.json, and of theirs, as installed in the repo. */
export function runtimeDependencies(manifest: string, seen = new Set<string>()): Set<string> {
  const { dependencies = {} } = require(manifest) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(dependencies)) {
    if (seen.has(name)) continue;
    seen.add(name);
    runtimeDependencies(require.resolve(`${name}/package.json`, { paths: [ROOT] }), seen);
  }
  return seen;
}

/** The repo's installed copy of `name`, packed as the registry would serve it. */
export async function packInstalled(name: string, into: string): Promise<string> {
  const source = dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
  const { stdout } = await run(
    'npm',
    ['pack', source, '--ignore-scripts', '--json', '--pack-destination', into],
    { cwd: into },
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack ${source} wrote nothing`);
  return join(into, packed.filename);
}

export interface Registry {
  url: string;
  close(): Promise<void>;
}

/**
 * A registry on 127.0.0.1 that knows only the SDK's runtime dependencies (one version each, the
 * installed one), packed into `dir`: `npm_config_registry=<url>` makes npm install from it.
 */
export async function startRegistry(sdkManifest: string, dir: string): Promise<Registry> {
  const packuments = new Map<string, object>();
  const tarballs = new Map<string, string>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
    const tarball = tarballs.get(path);
    if (tarball) {
      readFile(tarball).then(
        (bytes) => response.end(bytes),
        () => response.writeHead(500).end(),
      );
      return;
    }
    const packument = packuments.get(path);
    if (!packument) return void response.writeHead(404).end('{}');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  for (const name of runtimeDependencies(sdkManifest)) {
    const manifest = require(require.resolve(`${name}/package.json`, { paths: [ROOT] })) as {
      version: string;
      dependencies?: Record<string, string>;
    };
    const file = await packInstalled(name, dir);
    const bytes = await readFile(file);
    const key = `-/${basename(file)}`;
    tarballs.set(key, file);
    const version = {
      name,
      version: manifest.version,
      dependencies: manifest.dependencies ?? {},
      dist: {
        tarball: `${url}${key}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      },
    };
    packuments.set(name, {
      name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: version },
    });
  }
  return {
    url,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
