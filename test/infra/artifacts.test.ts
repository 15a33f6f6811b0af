/**
 * The built artifacts, run as Lambda runs them: after `npm run synth` (test/support/sharedSynth.ts)
 * every AWS::Lambda::Function of the synthesized template is found with the asset it deploys
 * (its Code.S3Key through the asset manifest), and each API function's asset is started in a
 * fresh Node with only the environment Lambda would give it: the template's variables
 * (intrinsics resolved to the local table and names), the runtime's own
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime)
 * with made-up credentials, and DYNAMODB_ENDPOINT for the embedded dynalite that holds the app's
 * table. Its handler is invoked once with the REST proxy event API Gateway would send for a
 * request that succeeds, and must answer per openapi.yaml. Functions that no API route reaches
 * (CDK's custom resource providers) are excluded by the rule of test/support/cloudAssembly.ts.
 */
import {
  cpSync,
  mkdtempSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, operations } from '../../src/openapi.js';
import { ACCOUNT_ID, resolver, resourcesOf } from '../support/cfn.js';
import { type AssemblyFunction, assemblyFunctions } from '../support/cloudAssembly.js';
import { contractViolations } from '../support/contract.js';
import { gatewayEvent, type RequestParts } from '../support/gatewayEvent.js';
import { type HandlerEnv, type OperationId, startHandlerEnv } from '../support/handlers.js';
import {
  type ArtifactRun,
  invokeArtifact,
  type ProxyResult,
  runFailure,
  stopArtifacts,
} from '../support/invokeArtifact.js';
import { lambdaRuntimeValues } from '../support/lambdaRuntimeEnv.js';
import { sharedSynth } from '../support/sharedSynth.js';
import { succeedingRequest } from '../support/succeedingRequests.js';

const OPS = operations(loadSpec());
const REGION = 'us-east-1';
/** Invocations at once: each is a Node process; the machine may have two cores. */
const CONCURRENCY = 2;
const CREDENTIALS = {
  accessKeyId: 'ASIAARTIFACTSTEST000',
  secretAccessKey: 'artifacts-test-secret',
  sessionToken: 'artifacts-test-session',
};

let functions: AssemblyFunction[];
let db: HandlerEnv;
const runs = new Map<string, ArtifactRun>();

type ApiFunction = AssemblyFunction & { role: { kind: 'api' } };
const isApi = (fn: AssemblyFunction): fn is ApiFunction => fn.role.kind === 'api';

/** The environment Lambda gives `fn` when its code runs from `taskRoot`. */
function environmentOf(fn: AssemblyFunction, taskRoot: string): Record<string, string> {
  const tables = resourcesOf(fn.template, 'AWS::DynamoDB::Table');
  const r = resolver(fn.template, {
    region: REGION,
    names: Object.fromEntries(tables.map(([id]) => [id, db.tableName])),
  });
  const functionName = `${fn.stack}-${fn.logicalId}`;
  const logGroup = fn.resource.Properties.LoggingConfig?.LogGroup;
  const variables = (fn.resource.Properties.Environment?.Variables ?? {}) as Record<
    string,
    unknown
  >;
  return {
    ...lambdaRuntimeValues(fn.resource, {
      region: REGION,
      functionName,
      taskRoot,
      logGroupName: logGroup === undefined ? undefined : r.resolve(logGroup),
      credentials: CREDENTIALS,
    }),
    ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, r.resolve(v)])),
    DYNAMODB_ENDPOINT: db.endpoint,
  };
}

/** The stage the REST API deploys to: the event's `stage` and the path's base. */
function stageOf(fn: AssemblyFunction): string {
  const [stage] = resourcesOf(fn.template, 'AWS::ApiGateway::Stage');
  return stage?.[1].Properties.StageName ?? 'prod';
}

function invoke(fn: ApiFunction, parts: RequestParts, taskRoot = fn.asset.path) {
  return invokeArtifact({
    taskRoot,
    env: environmentOf(fn, taskRoot),
    event: gatewayEvent(fn.role.route, parts, stageOf(fn)),
    timeoutSeconds: fn.resource.Properties.Timeout ?? 3,
    accountId: ACCOUNT_ID,
  });
}

/** Why `run` is not what the spec promises `operationId` for a good request (empty: it is). */
function answerProblems(operationId: string, run: ArtifactRun): string[] {
  const failure = runFailure(run);
  if (failure) return [failure];
  const { result } = run.outcome as { result: ProxyResult };
  const response = {
    status: result.statusCode,
    headers: Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    ),
    body: result.body ?? '',
  };
  const declared = OPS.find((op) => op.operationId === operationId)?.operation.responses ?? {};
  const successes = Object.keys(declared).filter((status) => status.startsWith('2'));
  // A success, not just any declared answer: the bundle reached the table it was given.
  const success = successes.includes(String(result.statusCode))
    ? []
    : [`${result.statusCode} is not a success of ${operationId} (${successes}): ${response.body}`];
  return [...contractViolations(operationId, response), ...success];
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

beforeAll(async () => {
  const synth = await sharedSynth();
  if (synth.status !== 0) throw new Error(`npm run synth failed:\n${synth.output.slice(-4000)}`);
  functions = assemblyFunctions(synth.out);
  const api = functions.filter(isApi);
  const shards = Number(api[0]?.resource.Properties.Environment?.Variables?.STATUS_INDEX_SHARDS);
  db = await startHandlerEnv({ engine: 'dynalite', shards: shards || undefined });
  const requests = new Map<ApiFunction, RequestParts>();
  for (const fn of api) {
    requests.set(fn, await succeedingRequest(db, fn.role.route.operationId as OperationId));
  }
  await eachLimited(api, CONCURRENCY, async (fn) => {
    runs.set(fn.role.route.operationId, await invoke(fn, requests.get(fn) as RequestParts));
  });
}, 600_000);

afterAll(async () => {
  stopArtifacts();
  await db?.stop();
});

describe('the synthesized functions', () => {
  it('are each an API function or a custom resource provider, which is not run', () => {
    const unexplained = functions
      .filter((fn) => fn.role.kind === 'unexplained')
      .map((fn) => `${fn.logicalId}: ${'why' in fn.role ? fn.role.why : ''}`);
    const routed = functions.filter(isApi).map((fn) => fn.role.route.operationId);

    expect(unexplained).toEqual([]);
    expect(routed.sort()).toEqual(OPS.map((op) => op.operationId).sort());
  });

  it('run on the Node that runs these tests, staged as directories', () => {
    const major = process.versions.node.split('.')[0];
    const api = functions.filter(isApi);

    expect(api.map((fn) => [fn.logicalId, fn.resource.Properties.Runtime])).toEqual(
      api.map((fn) => [fn.logicalId, `nodejs${major}.x`]),
    );
    expect(api.filter((fn) => !statSync(fn.asset.path).isDirectory())).toEqual([]);
  });
});

describe("each operation's deployed bundle, with its template environment only", () => {
  it.each(OPS.map((op) => op.operationId))('%s answers a good request per the spec', (id) => {
    const run = runs.get(id);
    if (!run) throw new Error(`no function of the template serves ${id}`);

    expect(answerProblems(id, run)).toEqual([]);
  });
});

describe('a broken bundle', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'task-api-broken-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    {
      name: 'its bundle cut in half',
      breakIt: (dir: string) =>
        truncateSync(join(dir, 'app.cjs'), Math.floor(statSync(join(dir, 'app.cjs')).size / 2)),
      cause: /^init failed: SyntaxError: /,
    },
    {
      name: 'the bundle its entry point loads deleted',
      breakIt: (dir: string) => unlinkSync(join(dir, 'app.cjs')),
      cause: /^init failed: Error: ENOENT: .*app\.cjs/,
    },
    {
      name: 'a package it does not ship required',
      breakIt: (dir: string) =>
        writeFileSync(
          join(dir, 'app.cjs'),
          "module.exports = require('@aws-sdk/client-dynamodb');",
        ),
      cause: /^init failed: Error: Cannot find module '@aws-sdk\/client-dynamodb'/,
    },
  ])(
    'fails the same check: $name',
    async ({ name, breakIt, cause }) => {
      const fn = functions.find(isApi) as ApiFunction;
      const operationId = fn.role.route.operationId as OperationId;
      const copy = join(work, name.replace(/\W+/g, '-'));
      cpSync(fn.asset.path, copy, { recursive: true });
      breakIt(copy);

      const run = await invoke(fn, await succeedingRequest(db, operationId), copy);

      const problems = answerProblems(operationId, run);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(cause);
    },
    60_000,
  );
});
