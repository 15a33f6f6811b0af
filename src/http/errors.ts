/** The one serializer of a Problem to RFC 9457 problem+json (docs/architecture.md#errors). */
import { Problem } from '../contract/problem.js';
import { DEFAULT_PROBLEM_TYPE_BASE, type ProblemBody, problemBody } from '../contract/problems.js';

export type { FieldError } from '../contract/field-errors.js';

/** Expected outcomes as they are; anything else (a bug) is `internal`, with no detail of it. */
export function toProblemError(err: unknown): Problem {
  if (err instanceof Problem) return err;
  return new Problem('internal', 'an unexpected error occurred');
}

/** Problem `type` URIs are anchors on the docs page at `base` (default `/docs`). */
export function toProblem(
  err: Problem,
  requestId?: string,
  base: string = DEFAULT_PROBLEM_TYPE_BASE,
): ProblemBody {
  return problemBody(err.slug, err.message, {
    base,
    ...(requestId ? { instance: requestId } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
  });
}
