/**
 * Every environment variable the code reads, declared once (docs/architecture.md#configuration).
 * This module is the only one in src/ that touches `process.env` (test/config/processEnv.test.ts).
 */
import { FUNCTION_VARIABLES, type FunctionConfig, functionConfig } from './function.js';
import { LAMBDA_VARIABLES } from './lambda.js';
import { LOCAL_VARIABLES } from './local.js';
import type { Env } from './parse.js';

export type { FunctionConfig, TelemetryConfig } from './function.js';
export { functionConfig } from './function.js';
export { type LocalConfig, localConfig } from './local.js';
export type { Env } from './parse.js';

export interface VariableDoc {
  name: string;
  default: string;
  description: string;
  /** Who reads it: a function (set by the CDK stack), Lambda itself, or the local stack. */
  scope: 'function' | 'lambda' | 'local';
}

const doc = (scope: VariableDoc['scope']) => (v: Omit<VariableDoc, 'scope'>) => ({
  name: v.name,
  default: v.default,
  description: v.description,
  scope,
});

/** The table a docs page lists: each variable once, in reading order. */
export const VARIABLES: readonly VariableDoc[] = [
  ...FUNCTION_VARIABLES.map(doc('function')),
  ...LAMBDA_VARIABLES.map(doc('lambda')),
  ...LOCAL_VARIABLES.map(doc('local')),
];

let production: FunctionConfig | undefined;

/** A deployed function's configuration: its environment, read and checked once, at init. */
export function productionConfig(): FunctionConfig {
  production ??= functionConfig(process.env);
  return production;
}

/** The process's environment whole, for `npm start` to hand to the local stack, which parses it here. */
export function processEnv(): Env {
  return process.env;
}
