// Go's encoding/json as the daemon's API and the CLI use it: json.Indent with 4 spaces over json.Marshal output
// (HTML characters escaped), and struct{} values (which a JS object without fields cannot tell from a map).

/** json.Indent(dst, src, "", "    ") of json.Marshal output: HTML characters escaped as Go does. */
export function goIndentJson(v: unknown): string {
  return JSON.stringify(v, null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A Go `struct{}` value (nat.PortSet entries): templates print `{}`; the marker is a symbol, so JSON shows `{}`. */
export function goEmptyStruct(): object {
  return { [Symbol.for('cnlab.goType')]: 'struct {}' };
}
