import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { sourceResolution } from '../../scripts/sourceConditions.mjs';
import { quietOnNormalCloses } from './scripts/quietProxy.ts';

// One origin in development: the game server's HTTP routes, Colyseus matchmaking
// and the room websockets all go through Vite. DECKHAND_SERVER_URL lets the
// end-to-end suite point a preview server at its own game server.
const gameServer = process.env.DECKHAND_SERVER_URL ?? 'http://localhost:2567';

function proxyToGameServer(): Record<string, ProxyOptions> {
  const http: ProxyOptions = { target: gameServer, changeOrigin: true, configure: quietOnNormalCloses };
  return {
    '/api': http,
    '/health': http,
    '/monitor': http,
    '/matchmake': http,
    // A room socket is `/<processId>/<roomId>?sessionId=...`; Vite's own HMR socket never has that shape.
    '^/[\\w-]+/[\\w-]+\\?(.*&)?sessionId=': { target: gameServer, ws: true, changeOrigin: true, configure: quietOnNormalCloses },
  };
}

/** Prints the gzipped size of the JavaScript a first visit downloads (entry chunks and their static imports). */
function firstLoadSize(budgetKb: number): Plugin {
  return {
    name: 'deckhand-first-load-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const seen = new Set<string>();
      const visit = (fileName: string): void => {
        if (seen.has(fileName)) return;
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk') return;
        seen.add(fileName);
        chunk.imports.forEach(visit);
      };
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
      }
      let bytes = 0;
      for (const fileName of seen) {
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') bytes += gzipSync(chunk.code, { level: 9 }).length;
      }
      const kb = bytes / 1024;
      const line = `first-load JS: ${kb.toFixed(1)} KB gzip (${seen.size} chunk${seen.size === 1 ? '' : 's'}, budget ${budgetKb} KB)`;
      console.log(`\n${line}`);
      if (kb > budgetKb) this.warn(`first-load JS is over the ${budgetKb} KB budget`);
    },
  };
}

export default defineConfig(({ mode }) => ({
  ...sourceResolution,
  plugins: [react(), firstLoadSize(150)],
  // host: every interface, so friends on the LAN can open the dev table (Vite prints the Network address).
  server: { host: true, port: 5173, strictPort: true, proxy: proxyToGameServer() },
  preview: { port: 4173, proxy: proxyToGameServer() },
  // A production build ships no source maps: they carried the whole source. `vite build --mode development` keeps them.
  build: { target: 'es2022', sourcemap: mode !== 'production' },
}));
