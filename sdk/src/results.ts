/** openapi-fetch's answers as the client's results (`{ data } | { error }`), with the ETag where one is sent. */
import type { Problem, TaskApiResult, WithEtag } from './types.js';

export type FetchResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: Problem; response: Response };

export function plain<T>(result: FetchResult<T>): TaskApiResult<T> {
  if (result.error !== undefined) return { error: result.error, response: result.response };
  return { data: result.data as T, response: result.response };
}

export function withEtag<T extends { version: number }>(
  result: FetchResult<T>,
): TaskApiResult<T, WithEtag> {
  if (result.error !== undefined) return { error: result.error, response: result.response };
  const { data, response } = result;
  // The spec makes the ETag the version; a browser hides the header unless CORS exposes it.
  const etag = response.headers.get('ETag') ?? `"${data.version}"`;
  return { data, etag, response };
}
