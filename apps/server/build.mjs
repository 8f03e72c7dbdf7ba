// Bundles the server and the workspace packages it imports (read from their
// TypeScript sources through the `@deckhand/source` export condition, like
// every tool in the monorepo, so no package build must come first) into
// dist/main.js, and the bot worker thread's entry into dist/botWorker.js
// beside it (BotPool loads it from there).
// Every dependency from node_modules stays external and is loaded at run time.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]
  .filter((name) => !name.startsWith('@deckhand/'))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: { main: 'src/main.ts', botWorker: 'src/botWorker.ts' },
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
