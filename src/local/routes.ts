/** API Gateway's routing for the spec's paths: path templates, methods, most specific match. */
import { operations, type Spec } from '../openapi.js';

export interface Route {
  operationId: string;
  /** Upper case, as in `event.httpMethod`. */
  method: string;
  /** The spec path template, API Gateway's `resource`. */
  resource: string;
}

export type RouteMatch =
  | { kind: 'operation'; route: Route; pathParameters: Record<string, string> }
  /** The path exists but not with this method; `methods` is what it allows. */
  | { kind: 'method-not-defined'; resource: string; methods: string[] }
  | { kind: 'none' };

interface Resource {
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  routes: Map<string, Route>;
}

export interface RouteTable {
  match(method: string, rawPath: string): RouteMatch;
  /** The methods a path allows, for CORS preflights; empty for an unknown path. */
  methodsFor(rawPath: string): string[];
}

export function routeTable(spec: Spec): RouteTable {
  const resources = new Map<string, Resource>();
  for (const op of operations(spec)) {
    let resource = resources.get(op.path);
    if (!resource) {
      resource = compile(op.path);
      resources.set(op.path, resource);
    }
    const method = op.method.toUpperCase();
    resource.routes.set(method, { operationId: op.operationId, method, resource: op.path });
  }
  // Literal segments win over `{param}` ones, as in API Gateway.
  const ordered = [...resources.values()].sort((a, b) => b.literals - a.literals);

  const find = (rawPath: string) => {
    for (const resource of ordered) {
      const m = resource.pattern.exec(rawPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      resource.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { resource, params };
    }
    return undefined;
  };

  return {
    match(method, rawPath) {
      const found = find(rawPath);
      if (!found) return { kind: 'none' };
      const route = found.resource.routes.get(method.toUpperCase());
      if (!route) {
        return {
          kind: 'method-not-defined',
          resource: found.resource.template,
          methods: [...found.resource.routes.keys()],
        };
      }
      return { kind: 'operation', route, pathParameters: found.params };
    },
    methodsFor(rawPath) {
      const found = find(rawPath);
      return found ? [...found.resource.routes.keys()] : [];
    },
  };
}

function compile(template: string): Resource {
  const names: string[] = [];
  let literals = 0;
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param?.[1]) {
        names.push(param[1]);
        return '([^/]+)';
      }
      if (segment) literals += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { template, pattern: new RegExp(`^${source}$`), names, literals, routes: new Map() };
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
