// The lesson pane's routes, kept in the URL fragment so links, reloads and the Back button work:
// `#/` catalog, `#/lesson/<part>/<lesson>`, `#/sandbox/<preset>`, `#/share/<world>`.

export type Route =
  | { view: 'catalog' }
  | { view: 'lesson'; id: string }
  | { view: 'sandbox'; preset: string }
  | { view: 'share'; data: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  if (head === 'lesson' && rest.length >= 2) return { view: 'lesson', id: rest.map(decodeURIComponent).join('/') };
  if (head === 'sandbox' && rest[0]) return { view: 'sandbox', preset: decodeURIComponent(rest[0]) };
  if (head === 'share' && rest[0]) return { view: 'share', data: rest.join('/') };
  return { view: 'catalog' };
}

export function routeHash(r: Route): string {
  switch (r.view) {
    case 'catalog':
      return '#/';
    case 'lesson':
      return `#/lesson/${r.id.split('/').map(encodeURIComponent).join('/')}`;
    case 'sandbox':
      return `#/sandbox/${encodeURIComponent(r.preset)}`;
    case 'share':
      return `#/share/${r.data}`;
  }
}
