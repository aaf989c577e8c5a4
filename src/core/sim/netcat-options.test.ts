import { describe, expect, it } from 'vitest';
import { netcatListenSpec, parseNetcatArgs } from './netcat-options';

describe('parseNetcatArgs', () => {
  it('permutes operands for OpenBSD (glibc) and stops at the first one for BusyBox (musl)', () => {
    const o = parseNetcatArgs(['host', '80', '-zv'], 'openbsd');
    expect(o.ok && o.opts.flags).toEqual({ z: 1, v: 1 });
    expect(o.ok && o.opts.operands).toEqual(['host', '80']);
    const b = parseNetcatArgs(['host', '80', '-zv'], 'busybox');
    expect(b.ok && b.opts.operands).toEqual(['host', '80', '-zv']);
  });
  it('reads clustered flags, attached and separate values, and counts repeats', () => {
    const o = parseNetcatArgs(['-nlvvp1234', '-w', '3'], 'busybox');
    expect(o.ok && o.opts.flags).toMatchObject({ n: 1, l: 1, v: 2, p: 1, w: 1 });
    expect(o.ok && o.opts.values).toEqual({ p: '1234', w: '3' });
  });
  it('reports unknown options and missing values with the letter', () => {
    expect(parseNetcatArgs(['--help'], 'openbsd')).toEqual({ ok: false, error: 'unknown', letter: '-' });
    expect(parseNetcatArgs(['-q', '1'], 'busybox')).toEqual({ ok: false, error: 'unknown', letter: 'q' });
    expect(parseNetcatArgs(['-zw'], 'openbsd')).toEqual({ ok: false, error: 'missing', letter: 'w' });
  });
  it('takes the rest of the line for BusyBox -e', () => {
    const o = parseNetcatArgs(['-lp', '9', '-e', 'cat', '-n'], 'busybox');
    expect(o.ok && o.opts.exec).toEqual(['cat', '-n']);
  });
});

describe('netcatListenSpec', () => {
  it('finds the port the way each nc does', () => {
    expect(netcatListenSpec(['-l', '-p', '1234'], 'busybox')?.port).toBe(1234);
    expect(netcatListenSpec(['-l', '1234'], 'busybox')).toBeNull();
    expect(netcatListenSpec(['-l', '1234'], 'openbsd')?.port).toBe(1234);
    expect(netcatListenSpec(['-l', '-p', '1234'], 'openbsd')?.port).toBe(1234);
    expect(netcatListenSpec(['-l', '-p', '1', '2'], 'openbsd')).toBeNull();
    expect(netcatListenSpec(['-lu', '-p', '53'], 'busybox')).toBeNull();
    expect(netcatListenSpec(['host', '80'], 'openbsd')).toBeNull();
  });
  it('keeps serving with -k only in OpenBSD', () => {
    expect(netcatListenSpec(['-lk', '8'], 'openbsd')?.keep).toBe(true);
    expect(netcatListenSpec(['-lk', '-p', '8'], 'busybox')?.keep).toBe(false);
  });
});
