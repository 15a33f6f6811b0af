/**
 * The local gateway under load (issue 6, figure 4): autocannon on GET /tasks/{taskId} with a
 * real Cognito ID token, against the same load on a bare HTTP server that does the GetItem.
 * Both servers live in one child process on one dynalite; autocannon runs here, in the parent.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, round } from './stats.js';

const CHILD = fileURLToPath(new URL('gateway-process.ts', import.meta.url));

interface Ready {
  kind: 'ready';
  apiUrl: string;
  floorUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  token: string;
  sub: string;
  taskId: string;
}

export interface LoadSide {
  /** Successful responses per second over all timed runs. */
  rps: number;
  /** Mean of the runs' latency percentiles, ms. */
  p50: number;
  p99: number;
  requests: number;
  seconds: number;
}

export interface GatewayResult {
  connections: number;
  seconds: number;
  gateway: LoadSide;
  floor: LoadSide;
  /** Median over the adjacent one-second pairs of gateway throughput over floor throughput. */
  ratio: number;
  pairRatios: number[];
  /** Reference only: autocannon straight at dynalite with an unsigned GetItem (no SDK). */
  dynalite: LoadSide;
}

interface Target {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

async function load(target: Target, seconds: number, connections: number) {
  const result = await autocannon({ ...target, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

type Run = Awaited<ReturnType<typeof load>>;

function combine(runs: Run[]): LoadSide {
  const requests = runs.reduce((n, r) => n + r['2xx'], 0);
  const seconds = runs.reduce((n, r) => n + r.duration, 0);
  const mean = (pick: (r: (typeof runs)[number]) => number) =>
    round(runs.reduce((n, r) => n + pick(r), 0) / runs.length, 2);
  return {
    rps: round(requests / seconds, 0),
    p50: mean((r) => r.latency.p50),
    p99: mean((r) => r.latency.p99),
    requests,
    seconds: round(seconds, 2),
  };
}

export async function gatewayThroughput(options: {
  seconds: number;
  connections: number;
  log: (line: string) => void;
}): Promise<GatewayResult> {
  const { seconds, connections, log } = options;
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: '' },
    // Stderr is kept for a failure: on success it only holds the AWS SDK's Node 20 notice.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Ready));
      exited.then((code) => reject(new Error(`gateway process exited ${code}: ${stderr}`)));
    });
    const gateway: Target = {
      url: `${ready.apiUrl}/tasks/${ready.taskId}`,
      headers: { Authorization: `Bearer ${ready.token}` },
    };
    const floor: Target = { url: `${ready.floorUrl}/tasks/${ready.taskId}` };
    const dynalite: Target = {
      url: ready.dynamoEndpoint,
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'DynamoDB_20120810.GetItem',
        'X-Amz-Date': '20250101T000000Z',
        // dynalite checks the header's form, never the signature.
        Authorization:
          'AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify({
        TableName: ready.tableName,
        Key: { PK: { S: `USER#${ready.sub}` }, SK: { S: `TASK#${ready.taskId}` } },
        ConsistentRead: true,
      }),
    };
    // Warm both paths (JIT, JWKS and token caches, keep-alive sockets), then one-second runs in
    // rounds, the order rotating each round (each side first in every other round), so load
    // from other processes falls on both alike.
    const targets = [floor, gateway];
    for (const target of targets) await load(target, 2, connections);
    const runs: Run[][] = targets.map(() => []);
    for (let round = 0; round < seconds; round++) {
      for (let k = 0; k < targets.length; k++) {
        const t = (round + k) % targets.length;
        runs[t]?.push(await load(targets[t] as Target, 1, connections));
      }
    }
    const [f, g] = runs as [Run[], Run[]];
    const direct = await load(dynalite, Math.max(1, seconds / 2), connections);
    const rps = (r: Run) => r['2xx'] / r.duration;
    const result: GatewayResult = {
      connections,
      seconds,
      gateway: combine(g),
      floor: combine(f),
      ratio: 0,
      pairRatios: g.map((run, i) => round(rps(run) / rps(f[i] as Run), 3)),
      dynalite: combine([direct]),
    };
    result.ratio = round(median(result.pairRatios), 3);
    log(
      `gateway: ${result.gateway.rps} req/s vs floor ${result.floor.rps} req/s (${result.ratio}x); dynalite alone ${result.dynalite.rps} req/s`,
    );
    return result;
  } finally {
    if (child.connected) child.send({ kind: 'stop' });
    await exited;
  }
}
