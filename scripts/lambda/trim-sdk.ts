/**
 * At bundle time, leaves out of the handler bundles the parts of the AWS SDK that a Lambda with a
 * region and credentials in its environment never runs: the credential-provider chain past
 * `fromEnv` and DynamoDB's endpoint rules. Each is swapped for a small stand-in (credentials.ts,
 * endpoints.ts) that handles the Lambda case and otherwise loads the SDK's own code, bundled
 * whole into a file next to the handler (FALLBACKS), so no behaviour is lost.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export interface Fallback {
  /** File name next to app.cjs, as the stand-ins require() it. */
  file: string;
  /** What the fallback bundle holds: the SDK module the stand-in replaces. */
  contents: string;
}

export const FALLBACKS: readonly Fallback[] = [
  {
    file: 'credential-chain.cjs',
    contents: "export { defaultProvider } from '@aws-sdk/credential-provider-node';",
  },
  {
    file: 'endpoint-rules.cjs',
    contents:
      "export { defaultEndpointResolver } from '@aws-sdk/client-dynamodb/dist-es/endpoint/endpointResolver.js';",
  },
];

/** The stand-ins, by the import they replace (and from where). */
const SWAPS = [
  { filter: /^@aws-sdk\/credential-provider-node$/, path: join(here, 'credentials.ts') },
  {
    filter: /^\.\/endpoint\/endpointResolver$/,
    importer: /client-dynamodb[\\/]dist-es[\\/]runtimeConfig\.shared\.js$/,
    path: join(here, 'endpoints.ts'),
  },
];

export function trimSdk(): Plugin {
  return {
    name: 'trim-aws-sdk',
    setup(build) {
      for (const swap of SWAPS) {
        build.onResolve({ filter: swap.filter }, (args) =>
          !swap.importer || swap.importer.test(args.importer) ? { path: swap.path } : undefined,
        );
      }
      const files = new RegExp(
        `^\\./(${FALLBACKS.map((f) => f.file.replace('.', '\\.')).join('|')})$`,
      );
      build.onResolve({ filter: files }, (args) => ({ path: args.path, external: true }));
    },
  };
}
