// The current route as reactive state, following `location.hash`.
import { parseRoute, routeHash, type Route } from './route';

class Router {
  route = $state<Route>({ view: 'catalog' });

  constructor() {
    if (typeof window === 'undefined') return;
    this.route = parseRoute(window.location.hash);
    window.addEventListener('hashchange', () => (this.route = parseRoute(window.location.hash)));
  }

  go(r: Route): void {
    const hash = routeHash(r);
    if (window.location.hash !== hash) window.location.hash = hash;
    this.route = r;
  }
}

export const router = new Router();
