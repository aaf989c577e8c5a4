import { describe, expect, it } from 'vitest';
import { DOCKER_TABWRITER, KUBECTL_TABWRITER, tabwrite } from './tabwriter';

describe('tabwriter with docker parameters (minwidth 10, padding 3)', () => {
  it('pads each column to max(10, longest cell + 3) and leaves the last column unpadded', () => {
    const text = 'NETWORK ID\tNAME\tDRIVER\tSCOPE\n7fca4eb8c647\tbridge\tbridge\tlocal\n9f904ee27bf5\tnone\tnull\tlocal\n';
    expect(tabwrite(text, DOCKER_TABWRITER)).toBe(
      'NETWORK ID     NAME      DRIVER    SCOPE\n' + '7fca4eb8c647   bridge    bridge    local\n' + '9f904ee27bf5   none      null      local\n',
    );
  });

  it('widens a column for a 10-character name to 13', () => {
    const out = tabwrite('ID\tNAME\tX\nab\talpine-net\ty\n', DOCKER_TABWRITER);
    expect(out.split('\n')[1]).toBe('ab        alpine-net   y');
  });

  it('ends a column block at a line with fewer cells', () => {
    const out = tabwrite('a\tb\tc\nlonger-than-ten-chars\n1\t2\t3\n', DOCKER_TABWRITER);
    expect(out).toBe('a         b         c\nlonger-than-ten-chars\n1         2         3\n');
  });

  it('pads empty cells to the column width', () => {
    expect(tabwrite('A\tB\tC\n\t\tz\n', DOCKER_TABWRITER)).toBe('A         B         C\n                    z\n');
  });

  it('counts the ellipsis as one column wide', () => {
    expect(tabwrite('"/docker-entrypoint.…"\tx\n', DOCKER_TABWRITER)).toBe('"/docker-entrypoint.…"   x\n');
  });
});

describe('tabwriter with kubectl parameters (minwidth 6, padding 3)', () => {
  it('uses a minimum width of 6', () => {
    expect(tabwrite('NAME\tREADY\nweb\t1/1\n', KUBECTL_TABWRITER)).toBe('NAME   READY\nweb    1/1\n');
  });
});
