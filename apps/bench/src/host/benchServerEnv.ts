import { randomBytes } from 'node:crypto';

/** The settings every benchmark's server runs with, beside its data directory: production, as players get it. */
export function benchServerEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    // Per-join and per-game info lines would cost the server CPU the benchmark should not count.
    LOG_LEVEL: 'warn',
    // Tables here have no bots unless a part says so; keep the delay off so nothing waits on a timer.
    BOT_DELAY_MS: '0',
    // Every simulated player knocks from this one address: lift the per-address join limits and table quota.
    JOINS_PER_MINUTE: '1000000', TABLES_PER_PLAYER: '1000000', TABLES_PER_ADDRESS: '1000000', WRONG_CODES_PER_HOUR: '1000000',
  };
}
