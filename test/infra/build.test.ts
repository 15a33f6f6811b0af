import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenOutputs } from '../../infra/flatten-outputs.js';
import { BANNER, type BuildResult, build, operationIds } from '../../scripts/build.js';
import { codeCacheFile } from '../../scripts/lambda/code-cache.js';
import { FALLBACKS } from '../../scripts/lambda/trim-sdk.js';

const ids = operationIds();
let work: string;
let result: BuildResult;
let plain: BuildResult;

/** Under node_modules/.cache so the stubs resolve the repository's packages (the AWS SDK). */
function workDir(): string {
  const cache = fileURLToPath(new URL('../../node_modules/.cache', import.meta.url));
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(join(cache, 'task-api-build-'));
}

function stubHandlers(dir: string, operations: string[]) {
  mkdirSync(dir, { recursive: true });
  for (const id of operations) {
    writeFileSync(
      join(dir, `${id}.ts`),
      id === 'getTask'
        ? `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => db.send(new GetCommand({ TableName: 't', Key: { PK: 'a' } }));
`
        : `export const handler = async () => ({ statusCode: 200, body: '${id}' });\n`,
    );
  }
}

beforeAll(async () => {
  work = workDir();
  stubHandlers(join(work, 'src'), ids);
  result = await build({
    handlersDir: join(work, 'src'),
    outDir: join(work, 'dist'),
    log: () => {},
  });
  plain = await build({
    handlersDir: join(work, 'src'),
    outDir: join(work, 'plain'),
    mode: 'plain',
    log: () => {},
  });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build', () => {
  it('writes per operationId the loader, the bundle, its code cache and the SDK fallbacks', () => {
    expect(result.bundles.map((b) => b.operationId)).toEqual(ids);
    for (const id of ids) {
      expect(readdirSync(join(work, 'dist', id)).sort()).toEqual(
        ['app.cjs', codeCacheFile(), ...FALLBACKS.map((f) => f.file), 'index.mjs'].sort(),
      );
      expect(readFileSync(join(work, 'dist', id, 'index.mjs'), 'utf8')).toBe(
        readFileSync(new URL('../../scripts/lambda/loader.mjs', import.meta.url), 'utf8'),
      );
    }
  });

  it('in plain mode writes one ESM bundle per operationId with the createRequire banner', () => {
    expect(plain.bundles.map((b) => b.operationId)).toEqual(ids);
    for (const id of ids) {
      expect(readdirSync(join(work, 'plain', id))).toEqual(['index.mjs']);
      const code = readFileSync(join(work, 'plain', id, 'index.mjs'), 'utf8');
      expect(code.startsWith(BANNER)).toBe(true);
      expect(code).toMatch(/export\s*\{/);
    }
  });

  it('bundles the AWS SDK instead of leaving it external', () => {
    for (const file of ['dist/getTask/app.cjs', 'plain/getTask/index.mjs']) {
      const code = readFileSync(join(work, file), 'utf8');

      // Not as an import or a require() call (an SDK error message quotes one in brackets).
      expect(code).not.toMatch(/(from\s*|(?<!\[)require\()["']@aws-sdk\//);
      expect(code).toContain('GetItem');
    }
  });

  it('reports minified and gzipped sizes and writes the metafile', () => {
    for (const b of [...result.bundles, ...plain.bundles]) {
      expect(b.gzipBytes).toBeGreaterThan(0);
      expect(b.gzipBytes).toBeLessThan(b.bytes);
    }
    for (const b of result.bundles) expect(b.cacheBytes).toBeGreaterThan(0);
    expect(existsSync(join(work, 'dist', 'meta.json'))).toBe(true);
    expect(Object.keys(result.metafile.outputs)).toHaveLength(ids.length);
  });

  it('refuses an operationId without a handler file, naming the file', async () => {
    const dir = join(work, 'partial');
    stubHandlers(
      dir,
      ids.filter((id) => id !== 'deleteTask'),
    );

    await expect(
      build({ handlersDir: dir, outDir: join(work, 'out2'), log: () => {} }),
    ).rejects.toThrow(
      /no handler file for operation deleteTask \(.*deleteTask\.ts\): every operationId needs one/,
    );
  });
});

describe('flattenOutputs', () => {
  const outputs = {
    ApiUrl: 'https://abc.execute-api.us-east-1.amazonaws.com/prod',
    UserPoolId: 'us-east-1_abc',
    UserPoolClientId: 'client',
    Region: 'us-east-1',
    TableName: 'TaskApi-Table',
  };

  it('keeps the keys of .local/outputs.json from the stack outputs', () => {
    expect(flattenOutputs({ TaskApi: { ...outputs, ApiEndpoint4F160690: 'x' } })).toEqual(outputs);
  });

  it('refuses outputs that lack a key', () => {
    const { TableName: _, ...partial } = outputs;

    expect(() => flattenOutputs({ TaskApi: partial })).toThrow(
      'stack TaskApi lacks outputs TableName',
    );
  });

  it('refuses a file without the stack', () => {
    expect(() => flattenOutputs({ Other: outputs })).toThrow(
      'no outputs for stack TaskApi, got Other',
    );
  });
});
