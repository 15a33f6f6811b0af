/**
 * `npm run pack:sdk`: builds the SDK and packs it into dist/task-api-sdk.tgz, the file an app
 * installs with `npm install <path>/dist/task-api-sdk.tgz` (the package is on no registry).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SDK_TARBALL = 'dist/task-api-sdk.tgz';

const out = join(root, 'dist');
mkdirSync(out, { recursive: true });
// prepack builds sdk/dist; its output goes to stderr so stdout stays npm's JSON.
const json = execFileSync('npm', ['pack', '-w', 'sdk', '--json', '--pack-destination', out], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [packed] = JSON.parse(json) as { name: string; version: string; filename: string }[];
if (!packed) throw new Error(`npm pack -w sdk wrote no tarball in ${out}`);
renameSync(join(out, packed.filename), join(root, SDK_TARBALL));
console.log(`${packed.name}@${packed.version} packed into ${SDK_TARBALL}`);
