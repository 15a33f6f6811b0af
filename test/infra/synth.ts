/** Synthesizes TaskApi stacks offline for template tests: stub bundles, cdk.json's context. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { TaskApiStack, type TaskApiStackProps } from '../../infra/task-api-stack.js';
import { loadSpec, operations } from '../../src/openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON, walked by key
export type Json = Record<string, any>;

export const OPERATIONS = operations(loadSpec());
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'))
  .context as Record<string, unknown>;

let handlersDir: string | undefined;
/**
 * Stub bundles stand in for `npm run build` output: the stack only needs the files. Each names
 * its operation, so a function's deployed code can be traced back to it (stubOperationOf).
 */
function stubHandlers(): string {
  if (handlersDir) return handlersDir;
  handlersDir = join(mkdtempSync(join(tmpdir(), 'task-api-synth-')), 'handlers');
  for (const { operationId } of OPERATIONS) {
    mkdirSync(join(handlersDir, operationId), { recursive: true });
    writeFileSync(
      join(handlersDir, operationId, 'index.mjs'),
      `// operationId: ${operationId}\nexport const handler = 1;\n`,
    );
  }
  return handlersDir;
}

/**
 * The operation whose stub bundle a function deploys: its Code's S3 key is the asset's hash,
 * staged by the synth as `asset.<hash>` in the app's output directory.
 */
export function stubOperationOf(outdir: string, fn: Json): string | undefined {
  const key = String(fn.Properties?.Code?.S3Key ?? '');
  const hash = key.replace(/\.zip$/, '');
  const file = join(outdir, `asset.${hash}`, 'index.mjs');
  if (!hash || !existsSync(file)) return undefined;
  return /^\/\/ operationId: (\w+)$/m.exec(readFileSync(file, 'utf8'))?.[1];
}

let webAppDir: string | undefined;
/** A stub web build (the page and the docs page) stands in for `npm run build -w web`. */
export function stubWebApp(): string {
  if (webAppDir) return webAppDir;
  webAppDir = join(mkdtempSync(join(tmpdir(), 'task-api-web-')), 'web');
  mkdirSync(webAppDir, { recursive: true });
  writeFileSync(join(webAppDir, 'index.html'), '<!doctype html><title>Task board</title>\n');
  writeFileSync(join(webAppDir, 'docs.html'), '<!doctype html><title>task-api</title>\n');
  return webAppDir;
}

export interface Synthesized {
  app: App;
  nag: AwsSolutionsChecks;
  stacks: TaskApiStack[];
  templates: Template[];
}

/** One app (with cdk-nag) holding one stack per entry, as `cdk synth` builds them. */
export function synth(
  stacks: { id: string; props?: TaskApiStackProps }[],
  context: Record<string, unknown> = {},
): Synthesized {
  const app = new App({ context: { ...cdkContext, ...context } });
  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  const built = stacks.map(
    ({ id, props }) =>
      new TaskApiStack(app, id, { handlersDir: stubHandlers(), webAppDir: stubWebApp(), ...props }),
  );
  return { app, nag, stacks: built, templates: built.map((s) => Template.fromStack(s)) };
}

/** The operations' functions, without CDK's own helpers (the web deployment's copier and the like). */
export function operationFunctions(template: Json): Json[] {
  return (Object.values(template.findResources('AWS::Lambda::Function')) as Json[]).filter(
    (fn) => fn.Properties.Environment?.Variables?.TABLE_NAME !== undefined,
  );
}

/** cdk-nag findings nobody acknowledged, as `rule path` lines. */
export function nagViolations({ app, nag }: Synthesized): string[] {
  return nag
    .validateScope(app)
    .violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`);
}
