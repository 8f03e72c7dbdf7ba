/** Starts the real @deckhand/server inside the host process, as production runs it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@deckhand/server';
import type { BotTally } from '@deckhand/server';
import { benchServerEnv } from './benchServerEnv';

export interface RunningServer {
  readonly port: number;
  rooms(): Promise<number>;
  /** The hard bots' pool; null for a server without one (the baseline). */
  bots(): BotTally | null;
  close(): Promise<void>;
}

/** `env` overrides the settings of `benchServerEnv` (a part that measures bots sets BOT_WORKERS and BOT_DELAY_MS). */
export async function startDeckhandServer(env: Readonly<Record<string, string>> = {}): Promise<RunningServer> {
  // The table log on, as production runs it, in a folder of its own that goes with the server (unless it is on Postgres).
  const dataDir = env.DATABASE_URL ? '' : mkdtempSync(join(tmpdir(), 'deckhand-bench-'));
  const server = await startServer({
    // A port given in advance (`PORT`) is one a cluster process announces in its `PUBLIC_ADDRESS`.
    port: env.PORT === undefined ? 0 : Number(env.PORT),
    env: { ...benchServerEnv(), DATA_DIR: dataDir, ...env },
  });
  const health = `http://127.0.0.1:${server.port}/health`;
  return {
    port: server.port,
    async rooms() {
      const response = await fetch(health, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json()) as { rooms?: unknown };
      return typeof body.rooms === 'number' ? body.rooms : Number.NaN;
    },
    bots: () => server.bots.tally(),
    close: async () => {
      try {
        await server.shutdown();
      } finally {
        if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
