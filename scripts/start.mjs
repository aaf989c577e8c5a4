// `npm start`: build the site if it is missing or older than its sources, then serve it on 127.0.0.1:5173.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = join(root, 'dist', 'index.html');
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'lessons')), newest(join(root, 'static')), statSync(join(root, 'index.html')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the lab ...');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log('cnlab is running at http://127.0.0.1:5173/  (Ctrl-C to stop)');
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '5173', '--strictPort', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
