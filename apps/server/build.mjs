// Bundles the server and the workspace packages it imports (read from their
// TypeScript sources through the `@deckhand/source` export condition, like
// every tool in the monorepo, so no package build must come first) into
// dist/main.js, and the worker threads' entries beside it: dist/botWorker.js
// (BotPool loads it) and dist/storeWorker.js (the SQLite store's thread).
// Every dependency from node_modules stays external and is loaded at run time.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]
  .filter((name) => !name.startsWith('@deckhand/'))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: { main: 'src/main.ts', botWorker: 'src/botWorker.ts', storeWorker: 'src/storeWorker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  conditions: ['@deckhand/source'],
  logLevel: 'info',
});
