import { describe, expect, it } from 'vitest';
import { historyEntry, needsMore } from './continuation';

describe('continuation lines (PS2)', () => {
  it('asks for more inside quotes, after a trailing pipe, && or || and after a backslash', () => {
    for (const text of ['echo "a', "echo 'a", 'ls |', 'true &&', 'false ||', 'echo a \\', 'echo $(ls', 'ls | # why']) expect(needsMore(text)).toBe(true);
    for (const text of ['echo a', 'echo "a"', 'ls | wc -l', 'echo a \\\nb', 'echo "a\nb"', 'ls |\nwc', '; ls']) expect(needsMore(text)).toBe(false);
  });

  it('keeps one history entry joined as bash cmdhist does', () => {
    expect(historyEntry('docker ps \\\n  -a')).toBe('docker ps   -a');
    expect(historyEntry('echo "one\ntwo"')).toBe('echo "one\ntwo"');
    expect(historyEntry('docker ps |\ngrep web &&\necho found')).toBe('docker ps | grep web && echo found');
    expect(historyEntry('ip a')).toBe('ip a');
  });
});
