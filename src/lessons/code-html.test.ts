import { describe, expect, it } from 'vitest';
import { codeHtml } from './code-html';

describe('codeHtml', () => {
  it('keeps short hyphenated words whole and escapes the rest', () => {
    expect(codeHtml('docker network create -d macvlan lan')).toBe('docker network create <span class="nobr">-d</span> macvlan lan');
    expect(codeHtml("ip  link | grep 'NO-CARRIER' && echo <ok>")).toBe('ip  link | grep <span class="nobr">&#39;NO-CARRIER&#39;</span> &amp;&amp; echo &lt;ok&gt;');
  });

  it('leaves words too long for a narrow pane breakable', () => {
    const long = '--opt=com.docker.network.bridge-name=br0';
    expect(codeHtml(`docker network create ${long}`)).toBe(`docker network create ${long}`);
  });
});
