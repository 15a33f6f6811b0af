/**
 * The variables Lambda itself sets in a function's environment, read with the function's own
 * (src/config/function.ts):
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
import { LOG_LEVELS } from '../http/telemetry.js';
import { matching, oneOf, optional, text, variable } from './parse.js';

export const AWS_REGION = variable(
  'AWS_REGION',
  matching(/^[a-z]+(-[a-z]+)+-\d+$/, 'an AWS region such as us-east-1'),
  'us-east-1',
  "the function's region (set by Lambda)",
);
export const AWS_LAMBDA_LOG_LEVEL = optional(
  'AWS_LAMBDA_LOG_LEVEL',
  oneOf(LOG_LEVELS, { ignoreCase: true }),
  "the function's application log level (set by Lambda with the JSON log format)",
  'LOG_LEVEL',
);
export const AWS_LAMBDA_INITIALIZATION_TYPE = optional(
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  text,
  'how Lambda initialized the environment; only on-demand counts a cold start (set by Lambda)',
  'none',
);
export const X_AMZN_TRACE_ID = optional(
  '_X_AMZN_TRACE_ID',
  text,
  "the invocation's X-Ray tracing header, new for each invocation (set by Lambda)",
  'none',
);

export const LAMBDA_VARIABLES = [
  AWS_REGION,
  AWS_LAMBDA_LOG_LEVEL,
  AWS_LAMBDA_INITIALIZATION_TYPE,
  X_AMZN_TRACE_ID,
] as const;
