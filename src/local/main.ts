/** `npm start`: the local stack on fixed ports with data under .local/ (LOCAL_STAGE=prod serves /prod). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { localConfig, processEnv } from '../config/index.js';
import { REPO_ROOT } from './docs.js';
import { type LocalStack, stackOutputs, startLocalStack } from './stack.js';
import { walkthrough } from './walkthrough.js';

async function main(): Promise<void> {
  const env = processEnv();
  const { ports, ...config } = localConfig(env);
  const dataDir = resolve(REPO_ROOT, config.dataDir);
  const stack = await startLocalStack({
    env,
    apiPort: ports.api,
    dynamoPort: ports.dynamo,
    cognitoPort: ports.cognito,
    dataDir,
    buildDocs: config.buildDocs,
    ...(config.web ? { web: { port: ports.web } } : {}),
  });

  let stoppingSince: number | undefined;
  const shutdown = (signal: string) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C reaches npm and node alike and npm forwards it: one press, two signals.
      if (Date.now() - stoppingSince < 2000) return;
      console.error(`[local] ${signal} again: exiting without a clean stop`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    console.log(`[local] ${signal}: stopping`);
    stack.stop().then(
      () => {
        console.log('[local] stopped');
        process.exit(0);
      },
      (err: Error) => {
        console.error(`[local] stop failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  mkdirSync(dataDir, { recursive: true });
  const outputsPath = join(dataDir, 'outputs.json');
  writeFileSync(outputsPath, `${JSON.stringify(stackOutputs(stack), null, 2)}\n`);
  console.log(banner(stack, displayPath(outputsPath), displayPath(dataDir)));
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function banner(s: LocalStack, outputsPath: string, dataDir: string): string {
  const where = outputsPath.startsWith('/') ? '' : ` in ${process.cwd()}`;
  const origin = new URL(s.apiUrl).origin;
  return `
task-api local stack is up
  API        ${s.apiUrl}   (GET ${origin}/ links the docs and the spec)
${s.webUrl ? `  WebUrl     ${s.webUrl}   (the task board; sign-up codes are printed here)\n` : ''}  Docs       ${origin}/docs   (spec: ${origin}/openapi.yaml)
  Cognito    ${s.cognitoEndpoint}   pool ${s.userPoolId}, client ${s.clientId}
  DynamoDB   ${s.dynamoEndpoint}   table ${s.tableName}
  Outputs    ${outputsPath}

Next steps, in another terminal${where} (more in README.md, "Try it locally"):

${walkthrough(outputsPath)}
Ctrl-C stops; data stays under ${dataDir}/ for the next start.
`;
}

main().catch((err: unknown) => {
  console.error(`[local] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
