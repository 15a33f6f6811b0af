/** GET /openapi.yaml and GET /docs: served without a token, the page rebuilt when stale. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Authorizer } from '../../src/local/authorizer.js';
import { type Gateway, type GatewayOptions, startGateway } from '../../src/local/gateway.js';
import { SPEC_PATH } from '../../src/openapi.js';
import { echoHandlers } from './echo.js';

const refuseAll: Authorizer = async () => ({ ok: false, status: 401, detail: 'no tokens here' });
const handlers = echoHandlers();
const gateways: Gateway[] = [];
const dirs: string[] = [];

async function gateway(options: Partial<GatewayOptions>) {
  const g = await startGateway({
    authorizer: refuseAll,
    loadHandler: handlers.loadHandler,
    log: () => {},
    ...options,
  });
  gateways.push(g);
  return g;
}

async function tempDocsPath() {
  const dir = await mkdtemp(join(tmpdir(), 'docs-test-'));
  dirs.push(dir);
  return join(dir, 'index.html');
}

afterEach(async () => {
  for (const g of gateways.splice(0)) await g.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('GET /openapi.yaml', () => {
  it('serves the spec as text/yaml without a token', async () => {
    const g = await gateway({ buildDocs: false, docsPath: await tempDocsPath() });

    const res = await fetch(`${g.url}/openapi.yaml`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/yaml/);
    expect(await res.text()).toBe(readFileSync(SPEC_PATH, 'utf8'));
  });
});

describe('GET /docs', () => {
  it.each(['/docs', '/docs/'])(
    'serves an up-to-date page as it is at %s, without a token',
    async (path) => {
      const docsPath = await tempDocsPath();
      await writeFile(docsPath, '<html>fresh page</html>');
      const later = new Date((await stat(SPEC_PATH)).mtimeMs + 60_000);
      await utimes(docsPath, later, later);
      const g = await gateway({ docsPath });

      const res = await fetch(`${g.url}${path}`);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toBe('<html>fresh page</html>');
    },
  );

  it('rebuilds a page older than openapi.yaml with Redocly before serving it', async () => {
    const docsPath = await tempDocsPath();
    await writeFile(docsPath, '<html>stale page</html>');
    const earlier = new Date((await stat(SPEC_PATH)).mtimeMs - 60_000);
    await utimes(docsPath, earlier, earlier);
    const g = await gateway({ docsPath });

    const res = await fetch(`${g.url}/docs`);

    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('stale page');
    expect(html).toContain('task-api');
    expect(html.toLowerCase()).toContain('redoc');
  }, 120_000);

  it('answers 503 problem+json when the page is missing and building is off', async () => {
    const g = await gateway({ buildDocs: false, docsPath: await tempDocsPath() });

    const res = await fetch(`${g.url}/docs`);

    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).detail).toContain('npm run docs');
  });
});
