/** Which screen is shown, kept in the URL's hash so a reload or a shared link opens it again. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'personal' }
  | { view: 'assigned' }
  | { view: 'upcoming' }
  | { view: 'workspace'; workspaceId: string }
  | { view: 'members'; workspaceId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'assigned' && parts.length === 1) return { view: 'assigned' };
  if (parts[0] === 'upcoming' && parts.length === 1) return { view: 'upcoming' };
  if (parts[0] === 'workspaces' && parts[1]) {
    if (parts.length === 2) return { view: 'workspace', workspaceId: parts[1] };
    if (parts.length === 3 && parts[2] === 'members')
      return { view: 'members', workspaceId: parts[1] };
  }
  return { view: 'personal' };
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'personal':
      return '#/';
    case 'assigned':
      return '#/assigned';
    case 'upcoming':
      return '#/upcoming';
    case 'workspace':
      return `#/workspaces/${encodeURIComponent(route.workspaceId)}`;
    case 'members':
      return `#/workspaces/${encodeURIComponent(route.workspaceId)}/members`;
  }
}

export function go(route: Route): void {
  location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
