// "Share this world": the world snapshot, deflated and base64url-encoded into the link's fragment (nothing is
// uploaded anywhere; the link itself carries the world).

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** A world snapshot (JSON text) as a URL-safe string. */
export async function encodeWorld(snapshot: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(snapshot), new CompressionStream('deflate-raw')));
}

/** Back from `encodeWorld`; throws on anything that is not a shared world. */
export async function decodeWorld(data: string): Promise<string> {
  const text = new TextDecoder().decode(await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw')));
  const parsed = JSON.parse(text) as { version?: unknown; hosts?: unknown };
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.version !== 'number' || typeof parsed.hosts !== 'object') {
    throw new Error('this link does not hold a cnlab world');
  }
  return text;
}

/** The full link for a world, based on the current page. */
export async function shareUrl(snapshot: string, base: string): Promise<string> {
  return `${base.replace(/#.*$/, '')}#/share/${await encodeWorld(snapshot)}`;
}
