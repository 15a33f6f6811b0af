/**
 * Writes every file derived from openapi.yaml: the openapi-typescript types, the precompiled
 * ajv request validators, the operation list and the schema limits, once, in src/contract/
 * (the API, the SDK and its mock, the web app and the tests import them).
 * `--check` fails if any file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildRequestSchemas, loadSpec, SPEC_PATH } from '../src/openapi.js';
import { limitsSource, operationsSource } from './generate-tables.js';

// The CommonJS module is the function itself; its typings only declare `.default`.
const standaloneCode = standalone.default;
const root = fileURLToPath(new URL('..', import.meta.url));
const HEADER = '// Generated from openapi.yaml by `npm run generate`. Do not edit.\n';

async function typesSource(): Promise<string> {
  const ast = await openapiTS(new URL(`file://${SPEC_PATH}`), {
    alphabetize: false,
    defaultNonNullable: false,
  });
  return `${HEADER}${astToString(ast)}`;
}

/** One standalone module per ajv instance; the params one coerces query/path/header strings. */
function validatorsSource(kind: 'params' | 'body'): string {
  const spec = loadSpec();
  const schemas = buildRequestSchemas(spec);
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    strict: true,
    coerceTypes: kind === 'params',
    useDefaults: kind === 'params',
    keywords: ['example'],
  });
  ajv.addSchema(schemas.definitions);
  const exports: Record<string, string> = {};
  for (const [operationId, op] of Object.entries(schemas.operations)) {
    const schema = kind === 'params' ? op.params : op.body;
    if (!schema) continue;
    const id = `${kind}-${operationId}`;
    ajv.addSchema({ ...schema, $id: id });
    exports[operationId] = id;
  }
  // ajv's ESM output still require()s its runtime helpers. Inline the one the spec needs
  // (code-point length for minLength/maxLength), so the module has no CommonJS interop at all.
  const code = standaloneCode(ajv, exports)
    .replace(
      /const (\w+) = require\("([^"]+)"\)\.default;/g,
      (_: string, name: string, from: string) => {
        if (from !== 'ajv/dist/runtime/ucs2length') throw new Error(`no inline helper for ${from}`);
        return `const ${name} = (str) => { let n = 0; for (const _c of str) n++; return n; };`;
      },
    )
    // Typed exports, so the emitted .d.ts (the SDK ships one) is valid and says what they are.
    .replace(/^export const (\w+) = (validate\d+);$/gm, 'export const $1: Validator = $2;');
  const typed = code.match(/^export const \w+: Validator = /gm)?.length ?? 0;
  if (typed !== Object.keys(exports).length) throw new Error(`typed ${typed} exports of ${kind}`);
  return `${HEADER}// @ts-nocheck\n/* eslint-disable */\n${code}\n${VALIDATOR_TYPES}`;
}

/** The exports' type: ajv's ValidateFunction, trimmed to what callers use (no ajv import). */
const VALIDATOR_TYPES = `type ValidationError = {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, any>;
  message?: string;
};
type Validator = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };
`;

/** Every generated file's path (relative to the repo) and the content it should have. */
export async function generatedFiles(): Promise<Record<string, string>> {
  const types = await typesSource();
  const params = validatorsSource('params');
  const body = validatorsSource('body');
  const spec = loadSpec();
  return {
    'src/contract/api.generated.ts': types,
    'src/contract/validate-params.generated.ts': params,
    'src/contract/validate-body.generated.ts': body,
    'src/contract/operations.generated.ts': `${HEADER}${operationsSource(spec)}`,
    'src/contract/limits.generated.ts': `${HEADER}${limitsSource(spec)}`,
  };
}

/** The generated files whose content on disk differs from what openapi.yaml gives. */
export async function staleFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const [rel, content] of Object.entries(await generatedFiles())) {
    const current = await readFile(`${root}${rel}`, 'utf8').catch(() => '');
    if (current !== content) stale.push(rel);
  }
  return stale;
}

async function main() {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length > 0) {
      console.error(`generated files are stale, run \`npm run generate\`: ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('generated files are up to date');
    return;
  }
  for (const [rel, content] of Object.entries(await generatedFiles())) {
    await writeFile(`${root}${rel}`, content);
  }
  console.log('generated files written');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
