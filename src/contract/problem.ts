/**
 * The one error every layer throws for an expected outcome (docs/architecture.md#errors): keyed by
 * the catalogue's slug, which gives its status, title and type. The handler wrapper serializes it
 * and turns anything else into `internal`.
 */
import type { FieldError } from './field-errors.js';
import { PROBLEMS, type ProblemSlug } from './problems.js';

export interface ProblemOptions {
  /** The contract's `errors: [{path, message}]`. */
  errors?: FieldError[];
  /** Sent as `Retry-After`. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class Problem extends Error {
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly slug: ProblemSlug,
    detail: string,
    options: ProblemOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Problem';
    if (options.errors) this.errors = options.errors;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return PROBLEMS[this.slug].status;
  }

  get title(): string {
    return PROBLEMS[this.slug].title;
  }
}

/** Whether `err` is a problem (of `slug`, when given). */
export const isProblem = (err: unknown, slug?: ProblemSlug): err is Problem =>
  err instanceof Problem && (slug === undefined || err.slug === slug);

/** A 400 naming the fields at fault. */
export const invalid = (detail: string, errors: FieldError[]) =>
  new Problem('validation-error', detail, { errors });
