/** GET / on the local gateway: links to what else it serves (the deployed API has no such page). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Home {
  serve(req: IncomingMessage, res: ServerResponse): void;
}

/** `webUrl`: the web app's address, linked when the stack has one. */
export function homePage(webUrl?: string): Home {
  if (webUrl !== undefined && !/^https?:\/\//.test(webUrl)) {
    throw new Error(`webUrl must be an http(s) URL, got ${webUrl}`);
  }
  const links: Record<string, string> = { docs: '/docs', spec: '/openapi.yaml' };
  if (webUrl) links.web = webUrl;
  const json = JSON.stringify({ name: 'task-api', links });
  const html = page(links);
  return {
    serve(req, res) {
      const [type, body] = wantsHtml(req.headers.accept)
        ? ['text/html; charset=utf-8', html]
        : ['application/json', json];
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': Buffer.byteLength(body),
        'Access-Control-Allow-Origin': '*',
      });
      res.end(body);
    },
  };
}

const LABELS: Record<string, string> = {
  docs: 'API docs (Redoc)',
  spec: 'the contract, openapi.yaml',
  web: 'the web app',
};

function page(links: Record<string, string>): string {
  const items = Object.entries(links)
    .map(([key, href]) => `<li><a href="${escapeHtml(href)}">${LABELS[key] ?? key}</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>task-api (local)</title></head>
<body><h1>task-api, local stack</h1>
<ul>
${items}
</ul></body></html>
`;
}

function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes('text/html') ?? false;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
