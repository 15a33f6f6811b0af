/**
 * Raw HTTP calls to the local gateway for the e2e suites, each answer checked against
 * openapi.yaml. Unlike the SDK it sends whatever a test asks: odd content types, bad JSON,
 * no content type at all (a Buffer body stops fetch from adding `text/plain`).
 */
import { contractViolations } from './contract.js';

export interface ApiRequest {
  method: string;
  /** Path and query, already encoded. */
  path: string;
  /** Sent as the Authorization header exactly as given. */
  token?: string;
  body?: string;
  /** @default 'application/json' when there is a body; null sends none */
  contentType?: string | null;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: checked against the spec by contractViolations
  json: any;
  /** How the answer breaks the contract; empty when it conforms. */
  violations: string[];
}

export interface Api {
  call(operationId: string, request: ApiRequest): Promise<ApiResponse>;
  /** Requests sent so far. */
  readonly count: number;
  /** How often each `<operationId> <status>` was answered. */
  readonly seen: Map<string, number>;
}

export function apiClient(baseUrl: string): Api {
  let count = 0;
  const seen = new Map<string, number>();
  return {
    get count() {
      return count;
    },
    seen,
    async call(operationId, request) {
      const headers: Record<string, string> = { ...request.headers };
      if (request.token !== undefined) headers.Authorization = request.token;
      const contentType =
        request.contentType === undefined && request.body !== undefined
          ? 'application/json'
          : request.contentType;
      if (contentType) headers['Content-Type'] = contentType;
      count += 1;
      const res = await fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : Buffer.from(request.body, 'utf8'),
      });
      const text = await res.text();
      const outcome = `${operationId} ${res.status}`;
      seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      const out = Object.fromEntries(res.headers.entries());
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const violations = contractViolations(operationId, {
        status: res.status,
        headers: out,
        body: text,
      });
      return { status: res.status, headers: out, text, json, violations };
    },
  };
}

/** Follows `next_cursor` from `query` to the last page; every page must be a contract-valid 200. */
export async function walkPages(
  api: Api,
  operationId: 'listTasks' | 'listTasksByStatus',
  token: string,
  query: Record<string, string>,
  maxPages = 500,
): Promise<{ pages: ApiResponse[]; tasks: Record<string, unknown>[] }> {
  const path = operationId === 'listTasks' ? '/tasks' : '/admin/tasks';
  const pages: ApiResponse[] = [];
  let cursor = query.cursor;
  do {
    const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
    const res = await api.call(operationId, { method: 'GET', path: `${path}?${params}`, token });
    if (res.status !== 200 || res.violations.length > 0) {
      throw new Error(
        `${operationId} page ${pages.length + 1}: ${res.status} ${res.text} ${res.violations}`,
      );
    }
    pages.push(res);
    cursor = res.json.next_cursor;
  } while (cursor !== undefined && pages.length < maxPages);
  if (cursor !== undefined) throw new Error(`${operationId}: more than ${maxPages} pages`);
  return { pages, tasks: pages.flatMap((p) => p.json.tasks) };
}
