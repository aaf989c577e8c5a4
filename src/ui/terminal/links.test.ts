import { describe, expect, it } from 'vitest';
import { findUrls } from './links';

describe('findUrls', () => {
  it('finds URLs in docker help text without the sentence punctuation after them', () => {
    expect(findUrls('For more help on how to use Docker, head to https://docs.docker.com/go/guides/.')).toEqual([
      { start: 44, end: 78, url: 'https://docs.docker.com/go/guides/' },
    ]);
    expect(findUrls('no links here')).toEqual([]);
    expect(findUrls('(see http://a.b/c) and https://x.y').map((m) => m.url)).toEqual(['http://a.b/c', 'https://x.y']);
  });
});
