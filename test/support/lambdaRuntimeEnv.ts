/**
 * The environment variables Lambda itself sets in every function's execution environment, so a
 * template need not (and for the reserved ones cannot) set them:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 * Plus AWS_LAMBDA_LOG_LEVEL, which Lambda sets only when the function has an application log
 * level (JSON log format): https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
 */
import type { Json } from './cfn.js';

const ALWAYS = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  'TZ',
  'LANG',
  'PATH',
  'LD_LIBRARY_PATH',
  'NODE_PATH',
] as const;

/** The function's application log level, when Lambda passes one (JSON log format). */
function applicationLogLevel(fn: Json): string | undefined {
  const logging = fn.Properties?.LoggingConfig;
  return logging?.LogFormat === 'JSON' ? logging.ApplicationLogLevel : undefined;
}

/** Whether Lambda sets `name` in this function's environment (its template resource). */
export function providedByLambda(name: string, fn: Json): boolean {
  if ((ALWAYS as readonly string[]).includes(name)) return true;
  if (name === 'AWS_LAMBDA_LOG_LEVEL') return applicationLogLevel(fn) !== undefined;
  return false;
}

export interface RuntimeFacts {
  region: string;
  functionName: string;
  /** Where the function's code is (Lambda's /var/task). */
  taskRoot: string;
  /** The log group Lambda writes to (LoggingConfig.LogGroup resolved), if not /aws/lambda/<name>. */
  logGroupName?: string;
  /** The execution role's credentials (temporary ones, with a session token). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/**
 * What Lambda sets for this function (its template resource): a value for every variable
 * `providedByLambda` names, the reserved ones as the page above describes them, the others with
 * the values it lists for the Node.js runtimes.
 */
export function lambdaRuntimeValues(fn: Json, facts: RuntimeFacts): Record<string, string> {
  const p = fn.Properties ?? {};
  const { region, functionName, credentials } = facts;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  const level = applicationLogLevel(fn);
  const values: Record<(typeof ALWAYS)[number], string> = {
    _HANDLER: p.Handler,
    _X_AMZN_TRACE_ID: `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${'0'.repeat(24)};Parent=${'0'.repeat(16)};Sampled=${p.TracingConfig?.Mode === 'Active' ? 1 : 0}`,
    AWS_DEFAULT_REGION: region,
    AWS_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${p.Runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(p.MemorySize ?? 128),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: facts.logGroupName ?? `/aws/lambda/${functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[$LATEST]${'0'.repeat(32)}`,
    AWS_ACCESS_KEY: credentials.accessKeyId,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    LAMBDA_TASK_ROOT: facts.taskRoot,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    LD_LIBRARY_PATH:
      '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
    NODE_PATH: nodePath(p.Runtime),
  };
  return { ...values, ...(level === undefined ? {} : { AWS_LAMBDA_LOG_LEVEL: level }) };
}

/** Where a Node.js runtime looks for packages the code does not ship (layers, the runtime's SDK). */
export function nodePath(runtime: string): string {
  const major = /^nodejs(\d+)/.exec(runtime)?.[1] ?? '';
  return `/opt/nodejs/node${major}/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task`;
}
