/**
 * The SDK's runtime dependencies as the registry would serve them, made from the repository's
 * installed copies, so installing the packed SDK needs no network and nothing in the npm cache.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

interface Installed {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  dir: string;
}

/** The copy of `name` that Node loads from `from`: its node_modules, then its ancestors'. */
export function installedDir(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed for ${from}`);
  }
}

/**
 * The packages in `dependencies` of the package at `dir`, and of theirs, each as Node loads it
 * for its dependent (so two versions of one name both appear), by name@version.
 */
export function runtimeDependencies(
  dir: string,
  found = new Map<string, Installed>(),
): Map<string, Installed> {
  const { dependencies = {} } = require(join(dir, 'package.json')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    const at = installedDir(name, dir);
    const manifest = require(join(at, 'package.json')) as Omit<Installed, 'dir'>;
    const id = `${name}@${manifest.version}`;
    if (found.has(id)) continue;
    found.set(id, {
      name,
      version: manifest.version,
      dependencies: manifest.dependencies ?? {},
      dir: at,
    });
    runtimeDependencies(at, found);
  }
  return found;
}

/** An installed package, packed as the registry would serve it. */
export async function packInstalled(source: string, into: string): Promise<string> {
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
 * A registry on 127.0.0.1 that knows only the SDK's runtime dependencies (each version installed
 * for a dependent), packed into `dir`: `npm_config_registry=<url>` makes npm install from it.
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
  const versions = new Map<string, Record<string, object>>();
  for (const pkg of runtimeDependencies(dirname(sdkManifest)).values()) {
    const file = await packInstalled(pkg.dir, dir);
    const bytes = await readFile(file);
    const key = `-/${basename(file)}`;
    tarballs.set(key, file);
    const known = versions.get(pkg.name) ?? {};
    known[pkg.version] = {
      name: pkg.name,
      version: pkg.version,
      dependencies: pkg.dependencies,
      dist: {
        tarball: `${url}${key}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      },
    };
    versions.set(pkg.name, known);
  }
  for (const [name, known] of versions) {
    // The highest version is `latest`, as a registry names it.
    const latest = Object.keys(known)
      .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }))
      .at(-1);
    packuments.set(name, { name, 'dist-tags': { latest }, versions: known });
  }
  return {
    url,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
