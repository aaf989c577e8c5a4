import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('routes', () => {
  it('parses and prints every route', () => {
    for (const [hash, route] of [
      ['#/', { view: 'catalog' }],
      ['#/lesson/00-start/01-welcome', { view: 'lesson', id: '00-start/01-welcome' }],
      ['#/sandbox/single-host', { view: 'sandbox', preset: 'single-host' }],
      ['#/share/abc-_123', { view: 'share', data: 'abc-_123' }],
    ] as const) {
      expect(parseRoute(hash)).toEqual(route);
      expect(routeHash(route)).toBe(hash);
    }
    expect(parseRoute('')).toEqual({ view: 'catalog' });
    expect(parseRoute('#/lesson/')).toEqual({ view: 'catalog' });
  });
});
