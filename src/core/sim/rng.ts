// A seeded pseudo-random generator (sfc32) whose whole state is four numbers, so a World can snapshot it.

export type RngState = [number, number, number, number];

/** Deterministic random numbers; the same seed always yields the same sequence. */
export class Rng {
  /** Works on `s` in place, so the owner of the array (the world state) always holds the current state. */
  constructor(private readonly s: RngState) {}

  /** A fresh state seeded from one integer, warmed up so nearby seeds diverge. */
  static seedState(seed: number): RngState {
    const s: RngState = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
    const rng = new Rng(s);
    for (let i = 0; i < 15; i++) rng.u32();
    return s;
  }

  /** The next unsigned 32-bit value. */
  u32(): number {
    const s = this.s;
    const [a, b, c, d] = s;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    s[2] = (r + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 0x100000000) * n);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.u32() / 0x100000000;
  }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) out += this.u32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  }

  /** `n` characters of lower-case base 36 (swarm object IDs). */
  base36(n: number): string {
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
    let out = '';
    for (let i = 0; i < n; i++) out += digits[this.int(36)];
    return out;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}
