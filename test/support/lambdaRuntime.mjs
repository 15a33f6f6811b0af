// The Node.js Lambda runtime in miniature, run by test/support/invokeArtifact.ts in a fresh Node
// whose environment is only what Lambda would give the function. It loads the module `_HANDLER`
// names from `LAMBDA_TASK_ROOT` (`index.handler`: index.js, index.mjs or index.cjs, export
// `handler`; https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html), reads one event
// from stdin, invokes the handler once with a context
// (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html) and writes the outcome,
// `{ result }` or `{ error: { phase, errorType, errorMessage } }`, as JSON to descriptor 3.
// Arguments: the function's timeout in seconds, its account id.
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [timeoutSeconds = '3', accountId = '123456789012'] = process.argv.slice(2);

function report(outcome) {
  writeSync(3, JSON.stringify(outcome));
  process.exit(0);
}

function failure(phase, err) {
  const error = err instanceof Error ? err : new Error(String(err));
  report({
    error: { phase, errorType: error.name, errorMessage: error.message, stack: error.stack },
  });
}

async function loadHandler() {
  const definition = process.env._HANDLER ?? '';
  const [module, ...path] = basename(definition).split('.');
  const base = resolve(process.env.LAMBDA_TASK_ROOT ?? '.', dirname(definition), module ?? '');
  const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => existsSync(f));
  if (!file) throw new Error(`cannot find module ${base} (.js, .mjs or .cjs) for ${definition}`);
  const loaded = await import(pathToFileURL(file).href);
  const handler = path.reduce((value, key) => value?.[key], loaded);
  if (typeof handler !== 'function') throw new Error(`${definition} is undefined or not exported`);
  return handler;
}

function context() {
  const env = process.env;
  const deadline = Date.now() + Number(timeoutSeconds) * 1000;
  const name = env.AWS_LAMBDA_FUNCTION_NAME;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: `arn:aws:lambda:${env.AWS_REGION}:${accountId}:function:${name}`,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: crypto.randomUUID(),
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

let handler;
try {
  handler = await loadHandler();
} catch (err) {
  failure('init', err);
}
const event = JSON.parse(readFileSync(0, 'utf8'));
try {
  report({ result: await handler(event, context()) });
} catch (err) {
  failure('invoke', err);
}
