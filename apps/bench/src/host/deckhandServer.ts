/** Starts the real @deckhand/server inside the host process, as production runs it. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@deckhand/server';
import type { BotTally } from '@deckhand/server';

export interface RunningServer {
  readonly port: number;
  rooms(): Promise<number>;
  /** The hard bots' pool; null for a server without one (the baseline). */
  bots(): BotTally | null;
  close(): Promise<void>;
}

/** `env` overrides the settings below (a part that measures bots sets BOT_WORKERS and BOT_DELAY_MS). */
export async function startDeckhandServer(env: Readonly<Record<string, string>> = {}): Promise<RunningServer> {
  // The table log on, as production runs it, in a folder of its own that goes with the server.
  const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-bench-'));
  const server = await startServer({
    port: 0,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      // Per-join and per-game info lines would cost the server CPU the benchmark should not count.
      LOG_LEVEL: 'warn',
      // Tables here have no bots unless a part says so; keep the delay off so nothing waits on a timer.
      BOT_DELAY_MS: '0',
      // Every simulated player knocks from this one address: lift the per-address join limits and table quota.
      JOINS_PER_MINUTE: '1000000', TABLES_PER_PLAYER: '1000000', TABLES_PER_ADDRESS: '1000000', WRONG_CODES_PER_HOUR: '1000000',
      DATA_DIR: dataDir,
      ...env,
    },
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
      await server.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
