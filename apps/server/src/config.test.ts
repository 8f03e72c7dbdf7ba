import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ISMCTS_ITERATIONS } from '@deckhand/rules';
import { ConfigError, loadConfig, TOKEN_SECRET_FILE } from './config';

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

  it('reads the cluster settings: Redis, Postgres, the public address and the lease', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ redisUrl: '', databaseUrl: '', publicAddress: '', leaseMs: 5000 });
    const secret = 'a'.repeat(32);
    expect(loadConfig({
      NODE_ENV: 'test', TOKEN_SECRET: secret, REDIS_URL: 'redis://10.0.0.5:6379', DATABASE_URL: 'postgres://deckhand@db/deckhand',
      PUBLIC_ADDRESS: 'cards.example.org/p1', LEASE_MS: '3000',
    })).toMatchObject({
      redisUrl: 'redis://10.0.0.5:6379', databaseUrl: 'postgres://deckhand@db/deckhand', publicAddress: 'cards.example.org/p1', leaseMs: 3000,
    });
    // Every process must read every other's guest passes.
    expect(() => loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://localhost' })).toThrow(/TOKEN_SECRET: must be set with REDIS_URL/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ NODE_ENV: 'test', PUBLIC_ADDRESS: 'https://cards.example.org' })).toThrow(/without a scheme/);
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

  it('production without TOKEN_SECRET generates one into DATA_DIR once, then reads it back', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-config-'));
    try {
      const first = loadConfig({ NODE_ENV: 'production', DATA_DIR: join(dataDir, 'nested') });
      expect(first).toMatchObject({ production: true, tokenSecretSource: 'generated', tokenSecretFile: join(dataDir, 'nested', TOKEN_SECRET_FILE) });
      expect(first.tokenSecret).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(join(dataDir, 'nested', TOKEN_SECRET_FILE), 'utf8').trim()).toBe(first.tokenSecret);
      const again = loadConfig({ NODE_ENV: 'production', DATA_DIR: join(dataDir, 'nested') });
      expect(again).toMatchObject({ tokenSecret: first.tokenSecret, tokenSecretSource: 'file' });
      // A secret from the environment wins and writes nothing.
      expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 's'.repeat(32), DATA_DIR: dataDir })).toMatchObject({
        tokenSecret: 's'.repeat(32), tokenSecretSource: 'env', tokenSecretFile: null,
      });
      // A folder that cannot hold the secret stops the start (a new secret each start would sign everyone out).
      writeFileSync(join(dataDir, 'file'), '');
      expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: join(dataDir, 'file') })).toThrow(/TOKEN_SECRET: not set, and no secret could be kept/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes a deal seed under test only: outside tests a known seed would be a known deal', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).testSeed).toBe('');
    expect(loadConfig({ NODE_ENV: 'test', TEST_SEED: 'spades-e2e-1' }).testSeed).toBe('spades-e2e-1');
    expect(() => loadConfig({ NODE_ENV: 'development', TEST_SEED: 'x' })).toThrow(/TEST_SEED: only under NODE_ENV=test/);
  });

  it('requires the monitor credentials together in production', () => {
    const secret = 's'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret, MONITOR_USER: 'ops' })).toThrow(/MONITOR_PASSWORD/);
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: secret }).production).toBe(true);
  });

  it('logs readable lines in development, JSON in production and tests, unless LOG_FORMAT says', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-config-'));
    try {
      expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }).logFormat).toBe('pretty');
      expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir }).logFormat).toBe('json');
      expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
      expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_FORMAT: 'json' }).logFormat).toBe('json');
      expect(() => loadConfig({ NODE_ENV: 'test', LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of pretty, json/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
