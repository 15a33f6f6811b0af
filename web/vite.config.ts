/** The task board's build: Preact's JSX, one small bundle, the SDK from its workspace source. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    // The workspace SDK's source, so the dev server picks up an SDK change without a build step.
    alias: { '@task-api/sdk': fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url)) },
  },
  // Found at start, not at the first page load (which would reload the page under a test).
  optimizeDeps: { include: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'openapi-fetch'] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
