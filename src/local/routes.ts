/** API Gateway's routing for the definition's paths: path templates, methods, most specific match. */

export interface Route {
  operationId: string;
  /** Upper case, as in `event.httpMethod`. */
  method: string;
  /** The spec path template, API Gateway's `resource`. */
  resource: string;
}

export type RouteMatch<R extends Route = Route> =
  | { kind: 'operation'; route: R; pathParameters: Record<string, string> }
  /** The path exists but not with this method; `methods` is what it allows. */
  | { kind: 'method-not-defined'; resource: string; methods: string[] }
  | { kind: 'none' };

interface Resource<R extends Route> {
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  routes: Map<string, R>;
}

export interface RouteTable<R extends Route = Route> {
  match(method: string, rawPath: string): RouteMatch<R>;
  /** The methods a path allows, for CORS preflights; empty for an unknown path. */
  methodsFor(rawPath: string): string[];
}

export function routeTable<R extends Route>(routes: R[]): RouteTable<R> {
  const resources = new Map<string, Resource<R>>();
  for (const route of routes) {
    let resource = resources.get(route.resource);
    if (!resource) {
      resource = compile<R>(route.resource);
      resources.set(route.resource, resource);
    }
    resource.routes.set(route.method, route);
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

function compile<R extends Route>(template: string): Resource<R> {
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
