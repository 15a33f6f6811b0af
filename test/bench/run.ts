/**
 * `npm run bench` (issue 6): every figure as a ratio to a floor measured in the same run, on
 * the embedded DynamoDB over loopback. Prints one table (and the capacity model of issue 7),
 * writes bench/results/latest.json and .md, and names each figure that misses its target.
 */
import { fork } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../scripts/build.js';
import { codeCacheFile } from '../../scripts/lambda/code-cache.js';
import { functionConfig } from '../../src/config/index.js';
import { createDocumentClient } from '../../src/data/client.js';
import { STATUS_INDEX_SHARDS_DEFAULT, TABLE_NAME_DEFAULT } from '../../src/data/table.js';
import { TaskStore } from '../../src/data/tasks.js';
import { ensureTable, localDynamoClient, startDynalite } from '../../src/local/dynamodb.js';
import { capacityModel } from './capacity.js';
import { coldStarts } from './cold.js';
import { gatewayThroughput } from './gateway.js';
import { ensureNode24 } from './node24.js';
import { report, TARGETS } from './report.js';
import type { RequestCount } from './requests.js';
import { OPERATIONS } from './scenarios.js';
import type { WarmResult } from './warm.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const quick = process.argv.includes('--quick');
const SETTINGS = {
  coldRuns: quick ? 3 : 11,
  warm: { calls: quick ? 200 : 2000, warmup: quick ? 50 : 200, batch: 100 },
  gateway: { seconds: quick ? 2 : 10, connections: 10 },
};

const started = performance.now();
const log = (line: string) => process.stderr.write(`  ${line}\n`);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

ensureNode24(log);
const loadStart = loadavg();
log(`Node ${process.version} (${process.execPath})`);
// The handlers as npm run build makes them; the floors as any bundled Lambda gets the SDK.
log('building handler bundles (npm run build) and floor bundles');
const { bundles } = await build({ log: () => {} });
const { bundles: floors } = await build({
  handlersDir: join(root, 'test/bench/floor'),
  outDir: join(root, 'dist/bench-floor'),
  operationIds: [...OPERATIONS],
  mode: 'plain',
  log: () => {},
});
// The same handler bundles without their code cache, as a Lambda on another Node build runs them.
const uncachedDir = join(root, 'dist/bench-uncached');
await rm(uncachedDir, { recursive: true, force: true });
await cp(join(root, 'dist/handlers'), uncachedDir, { recursive: true });
const uncached = bundles.map((b) => {
  const path = join(uncachedDir, b.operationId, 'index.mjs');
  return { ...b, path, cacheBytes: 0 };
});
for (const b of uncached) await rm(join(b.path, '..', codeCacheFile()));

const tableName = TABLE_NAME_DEFAULT;
const shards = STATUS_INDEX_SHARDS_DEFAULT;
const dynamo = await startDynalite();
const admin = localDynamoClient(dynamo.endpoint);
await ensureTable(admin, tableName, shards);
admin.destroy();
const handlerEnv = {
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  TABLE_NAME: tableName,
  AWS_REGION: 'us-east-1',
  // The warm run's one caller creates a workspace per call, and one workspace takes an
  // invitation (or a member) per call: the most a deployment may allow, so a full run's 2,200
  // calls stay under both.
  MAX_WORKSPACES_PER_USER: '10000',
  MAX_MEMBERS_PER_WORKSPACE: '100000',
};
const { STATUS_INDEX_SHARDS: _n, LOG_LEVEL: _l, ...inherited } = process.env;

interface InProcessResults {
  requests: RequestCount[];
  warm: WarmResult[];
}

async function inProcessFigures(): Promise<InProcessResults> {
  const script = fileURLToPath(new URL('handler-process.ts', import.meta.url));
  const child = fork(script, [JSON.stringify(SETTINGS.warm)], {
    execArgv: ['--import', 'tsx'],
    env: { ...inherited, ...handlerEnv },
    // Stderr is kept for a failure: on success it only holds the AWS SDK's Node 20 notice.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { kind: string; line?: string } & InProcessResults) => {
      if (m.kind === 'log') log(m.line ?? '');
      else resolve(m);
    });
    child.on('exit', (code) => reject(new Error(`the handler process exited ${code}: ${stderr}`)));
  });
}

log(`requests per operation and warm invocations (${SETTINGS.warm.calls} each side)`);
const { requests, warm } = await inProcessFigures();
log(`cold starts (${SETTINGS.coldRuns} runs each side) [${elapsed()}]`);
const seedDb = createDocumentClient(functionConfig(handlerEnv).dynamo);
const seedStore = new TaskStore(seedDb, { tableName, shards });
const cold = await coldStarts({
  bundles,
  uncached,
  floors,
  operations: OPERATIONS,
  store: seedStore,
  env: handlerEnv,
  runs: SETTINGS.coldRuns,
  log,
});
seedDb.destroy();
await dynamo.close();
log(`local gateway under load (${SETTINGS.gateway.seconds} s each side) [${elapsed()}]`);
const gateway = await gatewayThroughput({ ...SETTINGS.gateway, log });
const capacity = capacityModel(shards);

const machine = {
  node: process.version,
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  loadStart,
  loadEnd: loadavg(),
};
const results = { requests, cold, warm, gateway, capacity, defaultShards: shards, machine };
const { text, markdown, missed } = report(results);
console.log(`\n${text}`);

const outDir = join(root, 'bench/results');
await mkdir(outDir, { recursive: true });
const jsonPath = join(outDir, 'latest.json');
const json = {
  date: machine.date,
  command: `npm run bench${quick ? ' -- --quick' : ''}`,
  machine,
  settings: { ...SETTINGS, quick, shards, targets: TARGETS },
  seconds: Math.round((performance.now() - started) / 1000),
  missed,
  requests,
  coldStart: cold,
  warm,
  gateway,
  capacity,
};
await writeFile(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
await writeFile(join(outDir, 'latest.md'), `${markdown}\n`);
console.log(`\nfigures: ${jsonPath} (${elapsed()})`);
