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

/** Whether Lambda sets `name` in this function's environment (its template resource). */
export function providedByLambda(name: string, fn: Json): boolean {
  if ((ALWAYS as readonly string[]).includes(name)) return true;
  if (name === 'AWS_LAMBDA_LOG_LEVEL') {
    const logging = fn.Properties?.LoggingConfig;
    return logging?.LogFormat === 'JSON' && logging.ApplicationLogLevel !== undefined;
  }
  return false;
}
