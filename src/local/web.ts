/**
 * The task board (web/) on its own origin, as CloudFront serves it on AWS: a Vite dev server
 * that reloads on a change under web/, or the built app. Both answer `/config.json`, the
 * stack's values that the deployed app reads from its bucket, and `/docs.html`, the Redoc page.
 * Every answer carries CloudFront's security headers and Content-Security-Policy (src/web/csp.ts),
 * so the app is tried locally under the policy it is deployed with.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import {
  appContentSecurityPolicy,
  DOCS_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../web/csp.js';
import { DOCS_PATH, REPO_ROOT } from './docs.js';

export const WEB_ROOT = join(REPO_ROOT, 'web');

/** web/src/config.ts's WebConfig. */
export interface WebConfig {
  apiUrl: string;
  cognitoEndpoint: string;
  clientId: string;
}

export interface WebServerOptions {
  /** Read at each request, so the API may start after the web server. */
  config: () => WebConfig;
  /** @default 0 (a free port) */
  port?: number;
  /**
   * `dev`: the Vite dev server with reload; `built`: `vite build` into `outDir`, then served.
   * @default 'dev'
   */
  mode?: 'dev' | 'built';
  /** Where `built` writes the app. @default web/dist */
  outDir?: string;
  /** The Redoc page answered at `/docs.html`, as the deployed build holds it. @default docs/index.html */
  docsPath?: string;
}

export interface WebServer {
  /** The app's origin, e.g. http://127.0.0.1:5173 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  // Loaded only when the web app is served: the API alone does not need Vite.
  const vite = await import('vite');
  const configFile = join(WEB_ROOT, 'vite.config.ts');
  const common = { configFile, root: WEB_ROOT, logLevel: 'warn' as const, clearScreen: false };
  const http = createServer();
  const close: (() => Promise<void>)[] = [];
  let app: (req: IncomingMessage, res: ServerResponse) => void;

  if (options.mode === 'built') {
    const outDir = options.outDir ?? join(WEB_ROOT, 'dist');
    await vite.build({ ...common, build: { outDir, emptyOutDir: true } });
    app = (req, res) => void serveBuilt(outDir, req, res);
  } else {
    // Middleware mode on our own server: Vite's CLI-mode server would exit the process on SIGTERM.
    const dev = await vite.createServer({
      ...common,
      server: { middlewareMode: true, hmr: { server: http } },
      appType: 'spa',
    });
    close.push(() => dev.close());
    app = (req, res) => dev.middlewares(req, res);
  }
  const docsPath = options.docsPath ?? DOCS_PATH;
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url?.split('?')[0];
    const docs = path === '/docs.html';
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader(
      'Content-Security-Policy',
      docs ? DOCS_CONTENT_SECURITY_POLICY : appPolicy(options.config()),
    );
    if (docs) {
      void serveDocsPage(docsPath, res);
      return;
    }
    if (path === '/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(options.config()));
      return;
    }
    app(req, res);
  });

  const port = options.port ?? 0;
  try {
    await new Promise<void>((done, fail) => {
      http.once('error', fail);
      http.listen(port, '127.0.0.1', () => done());
    });
  } catch (err) {
    for (const c of close) await c();
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    throw new Error(
      `port ${port} (web) is already in use on 127.0.0.1; stop what holds it or set WEB_PORT`,
    );
  }
  close.push(
    () =>
      new Promise<void>((done) => {
        http.close(() => done());
        http.closeAllConnections();
      }),
  );
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      for (const c of close.splice(0).reverse()) await c();
    },
  };
}

/** The API and Cognito as origins: a CSP source with a path would match that path only. */
function appPolicy(config: WebConfig): string {
  const origin = (url: string) => (url ? new URL(url).origin : '');
  return appContentSecurityPolicy({
    api: origin(config.apiUrl),
    cognito: origin(config.cognitoEndpoint),
  });
}

async function serveDocsPage(docsPath: string, res: ServerResponse): Promise<void> {
  const body = await readFile(docsPath).catch(() => undefined);
  if (!body) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`the docs page is not built at ${docsPath}; run npm run docs\n`);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The built app as CloudFront serves it: a file if there is one, else index.html (SPA routes). */
async function serveBuilt(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  let file = join(dir, path);
  if (
    !file.startsWith(dir) ||
    !(await stat(file).then(
      (s) => s.isFile(),
      () => false,
    ))
  ) {
    file = join(dir, 'index.html');
  }
  const body = await readFile(file);
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(body);
}
