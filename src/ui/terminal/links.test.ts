import { describe, expect, it } from 'vitest';
import { findUrls, urlRanges } from './links';

describe('links in terminal output', () => {
  it('finds URLs in docker help text without the sentence punctuation after them', () => {
    expect(findUrls('For more help on how to use Docker, head to https://docs.docker.com/go/guides/.')).toEqual([
      { start: 44, end: 78, url: 'https://docs.docker.com/go/guides/' },
    ]);
    expect(findUrls('no links here')).toEqual([]);
    expect(findUrls('(see http://a.b/c) and https://x.y').map((m) => m.url)).toEqual(['http://a.b/c', 'https://x.y']);
  });

  it('spans the rows a wrapped line occupies', () => {
    const text = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';
    expect(urlRanges(text, 61, 10)).toEqual([{ url: 'https://docs.docker.com/go/guides/', start: { x: 45, y: 10 }, end: { x: 17, y: 11 } }]);
    expect(urlRanges(text, 80, 3)).toEqual([{ url: 'https://docs.docker.com/go/guides/', start: { x: 45, y: 3 }, end: { x: 78, y: 3 } }]);
  });
});
