/**
 * Environment variables as typed values (docs/architecture.md#configuration): one parser per kind
 * of value, and a variable that names itself, its default and its meaning once.
 */

/** An environment: the process's in production, a plain object in a test or a child's spawn. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A kind of value: what it accepts, said as `NAME must be <expected>`. */
export interface Parser<T> {
  readonly expected: string;
  /** The value, or undefined when `raw` is not one. */
  parse(raw: string): T | undefined;
}

/** One environment variable, declared once: the config reads it and a docs table can list it. */
export interface Variable<T> {
  readonly name: string;
  /** The default as a person reads it. */
  readonly default: string;
  readonly description: string;
  /** Unset or empty is the default; anything the parser refuses is an error naming the variable. */
  read(env: Env): T;
}

export function variable<T>(
  name: string,
  parser: Parser<T>,
  fallback: T,
  description: string,
  shownDefault = String(fallback),
): Variable<T> {
  return {
    name,
    default: shownDefault,
    description,
    read(env) {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const value = parser.parse(raw);
      if (value === undefined) throw new Error(`${name} must be ${parser.expected}, got ${raw}`);
      return value;
    },
  };
}

/** A variable with no default value: unset is `undefined`, `shownDefault` says what that means. */
export function optional<T>(
  name: string,
  parser: Parser<T>,
  description: string,
  shownDefault: string,
): Variable<T | undefined> {
  return variable<T | undefined>(name, parser, undefined, description, shownDefault);
}

export function integer(min: number, max: number, expected = `an integer ${min}-${max}`) {
  return {
    expected,
    parse(raw: string) {
      if (!/^\d+$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= min && n <= max ? n : undefined;
    },
  } satisfies Parser<number>;
}

export const port = integer(0, 65_535, 'a port number 0-65535');

/** One of `values`; `ignoreCase` also trims, as Lambda's own level names arrive. */
export function oneOf<const V extends string>(
  values: readonly V[],
  options: { ignoreCase?: boolean } = {},
): Parser<V> {
  const last = values.length - 1;
  const listed = last > 1 ? `one of ${values.join(', ')}` : values.join(' or ');
  return {
    expected: listed,
    parse(raw) {
      const given = options.ignoreCase ? raw.trim().toUpperCase() : raw;
      return values.find((v) => (options.ignoreCase ? v.toUpperCase() : v) === given);
    },
  };
}

export const boolean: Parser<boolean> = {
  expected: 'true or false',
  parse: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined),
};

/** Text that `pattern` accepts. */
export function matching(pattern: RegExp, expected: string): Parser<string> {
  return { expected, parse: (raw) => (pattern.test(raw) ? raw : undefined) };
}

export const text = matching(/\S/, 'some text');

/** An absolute http(s) URL. */
export const url: Parser<string> = {
  expected: 'an http or https URL',
  parse(raw) {
    try {
      const { protocol } = new URL(raw);
      return protocol === 'http:' || protocol === 'https:' ? raw : undefined;
    } catch {
      return undefined;
    }
  },
};

/** Comma-separated items, each trimmed and accepted by `item`; empty items are dropped. */
export function list<T>(item: Parser<T>, expected: string): Parser<T[]> {
  return {
    expected,
    parse(raw) {
      const out: T[] = [];
      for (const part of raw.split(',')) {
        const trimmed = part.trim();
        if (trimmed === '') continue;
        const value = item.parse(trimmed);
        if (value === undefined) return undefined;
        out.push(value);
      }
      return out;
    },
  };
}
