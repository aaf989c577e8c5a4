import { describe, expect, it } from 'vitest';
import { decodeWorld, encodeWorld, shareUrl } from './share';

describe('share links', () => {
  it('carry the whole world, compressed and URL-safe', async () => {
    const snapshot = JSON.stringify({ version: 1, hosts: { host1: { name: 'host1' } }, files: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`host1:/etc/f${i}`, `line ${i}\n`])) });
    const data = await encodeWorld(snapshot);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(data.length).toBeLessThan(snapshot.length / 2);
    expect(await decodeWorld(data)).toBe(snapshot);
    expect(await shareUrl(snapshot, 'http://x/app/#/lesson/a/b')).toBe(`http://x/app/#/share/${data}`);
  });

  it('rejects links that do not hold a world', async () => {
    await expect(decodeWorld(await encodeWorld('{"hello":1}'))).rejects.toThrow('this link does not hold a cnlab world');
    await expect(decodeWorld('!!!')).rejects.toThrow();
  });
});
