import { describe, expect, it } from 'vitest';
import { DEFAULT_ISMCTS_ITERATIONS } from '@deckhand/rules';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills every default', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config).toMatchObject({
      production: false,
      port: 2567,
      reconnectSeconds: 60,
      botDelay: { min: 700, max: 1200 },
      maxSpectators: 8,
      handSummarySeconds: 10,
      timeScale: 1,
      ratePerSecond: 20,
      rateBurst: 40,
      logLevel: 'silent',
    });
    expect(config.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.botWorkers).toBeGreaterThanOrEqual(1);
    // The hard bot searches with the rules package's default budget unless told otherwise.
    expect(config).toMatchObject({ botSearchIterations: DEFAULT_ISMCTS_ITERATIONS, botSearchMs: 500 });
  });

  it('reads the join limits, the open-table quotas and which proxies to trust', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      joinsPerMinute: 60, wrongCodesPerHour: 30, tablesPerPlayer: 5, tablesPerAddress: 20, trustProxy: false,
    });
    expect(loadConfig({ NODE_ENV: 'test', JOINS_PER_MINUTE: '10', TABLES_PER_ADDRESS: '2', TRUST_PROXY: '1' })).toMatchObject({
      joinsPerMinute: 10, tablesPerAddress: 2, trustProxy: 1,
    });
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(() => loadConfig({ NODE_ENV: 'test', TABLES_PER_PLAYER: '0' })).toThrow(/TABLES_PER_PLAYER must be at least 1/);
  });

  it('reads the hard bots\' pool size, 0 meaning inline, and their search budget', () => {
    expect(loadConfig({ NODE_ENV: 'test', BOT_WORKERS: '0' }).botWorkers).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', BOT_WORKERS: '3', BOT_SEARCH_ITERATIONS: '400', BOT_SEARCH_MS: '250' })).toMatchObject({
      botWorkers: 3,
      botSearchIterations: 400,
      botSearchMs: 250,
    });
    expect(() => loadConfig({ NODE_ENV: 'test', BOT_WORKERS: 'many', BOT_SEARCH_MS: '0' })).toThrow(
      /BOT_WORKERS must be a whole number[\s\S]*BOT_SEARCH_MS must be at least 1/,
    );
  });

  it('reads a fixed bot delay and ranges', () => {
    expect(loadConfig({ NODE_ENV: 'test', BOT_DELAY_MS: '0' }).botDelay).toEqual({ min: 0, max: 0 });
    expect(loadConfig({ NODE_ENV: 'test', BOT_DELAY_MS: '100-300' }).botDelay).toEqual({ min: 100, max: 300 });
  });

  it('lists every problem with the variable it concerns', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'test', PORT: 'eighty', RECONNECT_SECONDS: '0', BOT_DELAY_MS: 'fast', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT must be a whole number/);
    expect(message).toMatch(/RECONNECT_SECONDS must be at least 1/);
    expect(message).toMatch(/BOT_DELAY_MS/);
    expect(message).toMatch(/LOG_LEVEL must be one of/);
  });

  it('keeps tables in apps/server/data by default, in memory under test, and history for 90 days', () => {
    const secret = 's'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret }).dataDir).toMatch(/apps[\\/]server[\\/]data$/);
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ dataDir: '', historyDays: 90 });
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: ' /var/lib/deckhand ', HISTORY_DAYS: '7' })).toMatchObject({
      dataDir: '/var/lib/deckhand',
      historyDays: 7,
    });
    expect(() => loadConfig({ NODE_ENV: 'test', HISTORY_DAYS: '0' })).toThrow(/HISTORY_DAYS must be at least 1/);
  });

  it('requires a token secret in production, and the monitor credentials together', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TOKEN_SECRET: required in production/);
    const secret = 's'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret, MONITOR_USER: 'ops' })).toThrow(/MONITOR_PASSWORD/);
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret }).production).toBe(true);
  });
});
