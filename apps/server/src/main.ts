/**
 * `npm run dev` / `npm start`: reads the environment, starts the server, stops
 * cleanly on SIGTERM. `--production` (what `npm start` passes) makes
 * production the default mode; an explicit NODE_ENV still wins.
 */
import { ClusterError } from './cluster/cluster';
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';
import { StoreError, StoreUnavailableError } from './store/TableStore';

/**
 * Exit status for a table database that cannot be opened: a supervisor can be
 * told not to restart on it (systemd `RestartPreventExitStatus=78`), since a
 * restart cannot fix a damaged file.
 */
const EXIT_STORE = 78;

/**
 * A promise that failed with no handler is reported and the tables keep
 * running: a crash would drop every table's players until a supervisor
 * restarted the server (the log keeps what was played either way). PM2's
 * agent did this unasked while Colyseus loaded it (see `pm2Metrics.ts`);
 * now the server says so itself.
 */
process.on('unhandledRejection', (reason) => {
  console.error('deckhand: a promise failed and nothing handled it; the server keeps running:', reason);
});

async function main(): Promise<void> {
  let config;
  try {
    const production = process.argv.includes('--production');
    config = loadConfig(production ? { NODE_ENV: 'production', ...process.env } : process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let server;
  try {
    server = await startServer({ config });
  } catch (error) {
    if (error instanceof StoreError) {
      console.error(`deckhand: ${error.message}`);
      process.exit(EXIT_STORE);
    }
    // Redis or Postgres not reachable: a supervisor may try again.
    if (error instanceof ClusterError || error instanceof StoreUnavailableError) {
      console.error(`deckhand: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let signals = 0;
  const stop = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(1);
    console.error(`${signal}: closing tables`);
    server.shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// A start that fails is not a rejection to survive: without this the handler above would keep a process alive that
// serves nothing (a port taken by another server, say) while it still holds the table database.
main().catch((error: unknown) => {
  const failure = error as { code?: unknown; port?: unknown };
  if (failure?.code === 'EADDRINUSE') {
    console.error(`deckhand: port ${String(failure.port)} is already in use (another server?); stop it or set PORT`);
  } else {
    console.error('deckhand: the server could not start:', error);
  }
  process.exit(1);
});
