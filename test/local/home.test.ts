/** GET / on the local gateway: an index of what else it serves, without a token. */
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Authorizer } from '../../src/local/authorizer.js';
import { type Gateway, type GatewayOptions, startGateway } from '../../src/local/gateway.js';
import { SPEC_PATH } from '../../src/openapi.js';
import { echoHandlers } from './echo.js';

const refuseAll: Authorizer = async () => ({ ok: false, status: 401, detail: 'no tokens here' });
const handlers = echoHandlers();
const gateways: Gateway[] = [];
let dir = '';
let docsPath = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'home-test-'));
  docsPath = join(dir, 'index.html');
  await writeFile(docsPath, '<html>the docs</html>');
  const later = new Date((await stat(SPEC_PATH)).mtimeMs + 60_000);
  await utimes(docsPath, later, later);
});

afterEach(async () => {
  for (const g of gateways.splice(0)) await g.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function gateway(options: Partial<GatewayOptions> = {}) {
  const g = await startGateway({
    authorizer: refuseAll,
    loadHandler: handlers.loadHandler,
    log: () => {},
    docsPath,
    buildDocs: false,
    ...options,
  });
  gateways.push(g);
  return g;
}

describe('GET /', () => {
  it('answers JSON links to the docs and the spec, without a token', async () => {
    const g = await gateway();

    const res = await fetch(`${g.url}/`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      name: 'task-api',
      links: { docs: '/docs', spec: '/openapi.yaml' },
    });
    expect(handlers.invocations).toHaveLength(0);
  });

  it('links the web app when the stack has one', async () => {
    const g = await gateway({ webUrl: 'http://127.0.0.1:5173/' });

    const res = await fetch(`${g.url}/`);

    expect((await res.json()).links).toEqual({
      docs: '/docs',
      spec: '/openapi.yaml',
      web: 'http://127.0.0.1:5173/',
    });
  });

  it('answers a browser (Accept: text/html) with a page of the same links', async () => {
    const g = await gateway({ webUrl: 'http://127.0.0.1:5173/?a=1&b=2' });

    const res = await fetch(`${g.url}/`, { headers: { Accept: 'text/html,*/*;q=0.8' } });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<a href="/docs">');
    expect(html).toContain('<a href="/openapi.yaml">');
    expect(html).toContain('<a href="http://127.0.0.1:5173/?a=1&amp;b=2">');
  });

  it('serves what each link points at', async () => {
    const g = await gateway();
    const { links } = (await (await fetch(`${g.url}/`)).json()) as {
      links: Record<string, string>;
    };

    const answers = await Promise.all(
      Object.values(links).map(async (link) => (await fetch(new URL(link, g.url))).status),
    );

    expect(answers).toEqual([200, 200]);
  });

  it.each([
    { name: 'a relative path', webUrl: '/web' },
    { name: 'another scheme', webUrl: 'javascript:alert(1)' },
  ])('refuses $name as the web app URL at start', async ({ webUrl }) => {
    await expect(gateway({ webUrl })).rejects.toThrow(
      `webUrl must be an http(s) URL, got ${webUrl}`,
    );
  });
});
