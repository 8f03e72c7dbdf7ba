/**
 * Server settings from the environment, validated once at start with clear
 * messages. Every setting is listed in README.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { DEFAULT_ISMCTS_ITERATIONS } from '@deckhand/rules';
import { Limits } from '@deckhand/protocol';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface BotDelay {
  readonly min: number;
  readonly max: number;
}

/** Where the guest-token secret came from: the environment, a file in DATA_DIR, or a new file written there now. */
export type TokenSecretSource = 'env' | 'file' | 'generated' | 'test';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface ServerConfig {
  readonly production: boolean;
  readonly port: number;
  /** Interface to bind; '' binds all (LAN play). */
  readonly host: string;
  readonly reconnectSeconds: number;
  readonly botDelay: BotDelay;
  /** Worker threads for hard bots' searches; 0 searches on the main thread (for comparisons). */
  readonly botWorkers: number;
  /** A hard bot's search: iterations per decision, and a time cap in ms (whichever ends first). */
  readonly botSearchIterations: number;
  readonly botSearchMs: number;
  readonly tokenSecret: string;
  readonly tokenSecretSource: TokenSecretSource;
  /** The secret's file when it lives in DATA_DIR. */
  readonly tokenSecretFile: string | null;
  /** Guest token lifetime in days. */
  readonly tokenDays: number;
  readonly monitorUser: string;
  readonly monitorPassword: string;
  readonly logLevel: LogLevel;
  /** Human-readable lines (development) or one JSON object per line (production, tests, log collectors). */
  readonly logFormat: LogFormat;
  readonly maxSpectators: number;
  /** Seconds the hand summary waits for every human to continue. */
  readonly handSummarySeconds: number;
  /** Multiplies turn and hand-summary waits (tests and demos shorten them; 1 in play). */
  readonly timeScale: number;
  /** Per-client message rate limit: sustained per second, and burst. */
  readonly ratePerSecond: number;
  readonly rateBurst: number;
  /** The address friends on the LAN open (development invites); empty: the first one found. */
  readonly lanAddress: string;
  /** Folder of the production web build; served when it exists. */
  readonly webDist: string;
  /**
   * Folder of the table log and game history (SQLite) and of a generated token
   * secret; created when needed. '' keeps the log in memory only (tests).
   */
  readonly dataDir: string;
  /** Finished games older than this many days are deleted. */
  readonly historyDays: number;
  /** Create/join attempts per minute, per address and per identity. */
  readonly joinsPerMinute: number;
  /** Joins by a code that opens no table, per hour, per address and per identity (code guessing). */
  readonly wrongCodesPerHour: number;
  /** Tables open at once that one identity, or one address, created. */
  readonly tablesPerPlayer: number;
  readonly tablesPerAddress: number;
  /** Express `trust proxy`: false, or which proxies may set X-Forwarded-For (hop count, `loopback`, addresses). */
  readonly trustProxy: boolean | number | string;
  /** Redis shared by every process (presence, matchmaking, leases, limits); '' runs alone in memory. */
  readonly redisUrl: string;
  /** Postgres holding the table log and history for every process; '' uses SQLite in DATA_DIR. */
  readonly databaseUrl: string;
  /** Where clients reach this process through the proxy (`host[:port][/path]`, no scheme); '' for the address they used. */
  readonly publicAddress: string;
  /** How long a process's hold on its tables lasts without renewal; a dead process's tables move after this. */
  readonly leaseMs: number;
  /** Tests only (`TEST_CODES`): join codes tried before random ones, to force a collision across processes. */
  readonly testCodes: readonly string[];
  /** Tests only (`TEST_SEED`): every table's deals and bots drawn from this seed; '' for secret random ones. */
  readonly testSeed: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** apps/server, whether running from src/ (tsx) or dist/ (bundle). */
const serverRoot = join(here, '..');

const integer = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

const EnvSchema = v.object({
  NODE_ENV: v.optional(v.string(), 'development'),
  PORT: v.optional(integer('PORT', 0, 65535), '2567'),
  HOST: v.optional(v.string(), ''),
  RECONNECT_SECONDS: v.optional(integer('RECONNECT_SECONDS', 1, 3600), '60'),
  BOT_DELAY_MS: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^\d+(-\d+)?$/, 'BOT_DELAY_MS must be a number of ms ("0") or a range ("700-1200")'),
    ),
    '700-1200',
  ),
  BOT_WORKERS: v.optional(integer('BOT_WORKERS', 0, 64)),
  BOT_SEARCH_ITERATIONS: v.optional(integer('BOT_SEARCH_ITERATIONS', 1, 1_000_000), String(DEFAULT_ISMCTS_ITERATIONS)),
  BOT_SEARCH_MS: v.optional(integer('BOT_SEARCH_MS', 1, 60_000), '500'),
  TOKEN_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, 'TOKEN_SECRET must be at least 32 characters'))),
  TOKEN_DAYS: v.optional(integer('TOKEN_DAYS', 1, 365), '30'),
  MONITOR_USER: v.optional(v.string(), ''),
  MONITOR_PASSWORD: v.optional(v.string(), ''),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)),
  LOG_FORMAT: v.optional(v.picklist(LOG_FORMATS, `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}`)),
  MAX_SPECTATORS: v.optional(integer('MAX_SPECTATORS', 0, 64), String(Limits.maxSpectators)),
  HAND_SUMMARY_SECONDS: v.optional(integer('HAND_SUMMARY_SECONDS', 1, 600), String(Limits.handSummarySeconds)),
  WEB_DIST: v.optional(v.string()),
  DATA_DIR: v.optional(v.pipe(v.string(), v.trim())),
  HISTORY_DAYS: v.optional(integer('HISTORY_DAYS', 1, 36_500), '90'),
  LAN_ADDRESS: v.optional(v.pipe(v.string(), v.trim()), ''),
  RATE_PER_SECOND: v.optional(integer('RATE_PER_SECOND', 1, 100_000), String(Limits.ratePerSecond)),
  RATE_BURST: v.optional(integer('RATE_BURST', 1, 100_000), String(Limits.rateBurst)),
  JOINS_PER_MINUTE: v.optional(integer('JOINS_PER_MINUTE', 1, 1_000_000), '60'),
  WRONG_CODES_PER_HOUR: v.optional(integer('WRONG_CODES_PER_HOUR', 1, 1_000_000), '30'),
  TABLES_PER_PLAYER: v.optional(integer('TABLES_PER_PLAYER', 1, 1_000_000), '5'),
  TABLES_PER_ADDRESS: v.optional(integer('TABLES_PER_ADDRESS', 1, 1_000_000), '20'),
  TRUST_PROXY: v.optional(v.pipe(v.string(), v.trim()), ''),
  REDIS_URL: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^(rediss?:\/\/.+)?$/, 'REDIS_URL must be a redis:// or rediss:// URL')),
    '',
  ),
  DATABASE_URL: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^(postgres(ql)?:\/\/.+)?$/, 'DATABASE_URL must be a postgres:// URL')),
    '',
  ),
  PUBLIC_ADDRESS: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^([^\s/:]+(:\d+)?(\/[A-Za-z0-9._~-]+)*)?$/, 'PUBLIC_ADDRESS must be host[:port][/path], without a scheme')),
    '',
  ),
  LEASE_MS: v.optional(integer('LEASE_MS', 500, 600_000), '5000'),
  TEST_CODES: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^([A-Z0-9]+(,[A-Z0-9]+)*)?$/, 'TEST_CODES must be codes separated by commas')), ''),
  TEST_SEED: v.optional(v.pipe(v.string(), v.trim()), ''),
  TIME_SCALE: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^\d+(\.\d+)?$/, 'TIME_SCALE must be a positive number such as 1 or 0.01'),
      v.transform(Number),
      v.minValue(0.001, 'TIME_SCALE must be at least 0.001'),
      v.maxValue(10, 'TIME_SCALE must be at most 10'),
    ),
    '1',
  ),
});

/** Bot worker threads: one fewer than the cores, so the main thread keeps one to itself; at least one. */
function defaultBotWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

function parseBotDelay(text: string): BotDelay {
  const [low, high] = text.split('-').map(Number);
  const min = low ?? 0;
  return { min, max: Math.max(min, high ?? min) };
}

/** `TRUST_PROXY` as express reads it: empty trusts nobody, a number counts hops, anything else names proxies. */
function parseTrustProxy(text: string): boolean | number | string {
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

export class ConfigError extends Error {}

/** The file that keeps a generated token secret, inside DATA_DIR. */
export const TOKEN_SECRET_FILE = 'token-secret';

/**
 * Without TOKEN_SECRET the secret is generated once into DATA_DIR and read
 * back on every later start, so guest tokens survive restarts. A folder that
 * cannot be written stops the start: a secret made up anew on every start
 * would sign everyone out each time.
 */
function secretFromDataDir(dataDir: string): { secret: string; source: 'file' | 'generated'; file: string } {
  const file = join(dataDir, TOKEN_SECRET_FILE);
  try {
    if (existsSync(file)) {
      const secret = readFileSync(file, 'utf8').trim();
      if (secret.length >= 32) return { secret, source: 'file', file };
    }
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return { secret, source: 'generated', file };
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  TOKEN_SECRET: not set, and no secret could be kept in ${file} (${(error as Error).message}); set TOKEN_SECRET or a writable DATA_DIR`,
    );
  }
}

/** Reads and validates the environment; throws a `ConfigError` listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ServerConfig {
  const result = v.safeParse(EnvSchema, env);
  if (!result.success) {
    const problems = result.issues.map((issue) => `  ${v.getDotPath(issue) ?? 'env'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const raw = result.output;
  const production = raw.NODE_ENV === 'production';
  const test = raw.NODE_ENV === 'test';
  if (production && (raw.MONITOR_USER === '') !== (raw.MONITOR_PASSWORD === '')) {
    throw new ConfigError('Invalid configuration:\n  MONITOR_USER and MONITOR_PASSWORD must be set together');
  }
  if (raw.REDIS_URL !== '' && !raw.TOKEN_SECRET) {
    throw new ConfigError('Invalid configuration:\n  TOKEN_SECRET: must be set with REDIS_URL, the same on every process (a guest pass from one must open the others)');
  }
  if (raw.TEST_CODES !== '' && !test) {
    throw new ConfigError('Invalid configuration:\n  TEST_CODES: only under NODE_ENV=test (it makes join codes guessable)');
  }
  if (raw.TEST_SEED !== '' && !test) {
    throw new ConfigError('Invalid configuration:\n  TEST_SEED: only under NODE_ENV=test (it makes every deal known in advance)');
  }
  // Tests keep their tables in memory unless they ask for a folder, so no run restores another's.
  const dataDir = raw.DATA_DIR === undefined ? (test ? '' : join(serverRoot, 'data')) : raw.DATA_DIR === '' ? '' : resolve(raw.DATA_DIR);
  // Tests (and a server without a data folder) get a throwaway secret rather than touching the disk.
  const secret = raw.TOKEN_SECRET
    ? { secret: raw.TOKEN_SECRET, source: 'env' as const, file: null }
    : test || dataDir === ''
      ? { secret: randomBytes(32).toString('hex'), source: 'test' as const, file: null }
      : secretFromDataDir(dataDir);
  return {
    production,
    dataDir,
    port: raw.PORT,
    host: raw.HOST,
    reconnectSeconds: raw.RECONNECT_SECONDS,
    botDelay: parseBotDelay(raw.BOT_DELAY_MS),
    botWorkers: raw.BOT_WORKERS ?? defaultBotWorkers(),
    botSearchIterations: raw.BOT_SEARCH_ITERATIONS,
    botSearchMs: raw.BOT_SEARCH_MS,
    tokenSecret: secret.secret,
    tokenSecretSource: secret.source,
    tokenSecretFile: secret.file,
    tokenDays: raw.TOKEN_DAYS,
    monitorUser: raw.MONITOR_USER,
    monitorPassword: raw.MONITOR_PASSWORD,
    logLevel: raw.LOG_LEVEL ?? (production ? 'info' : test ? 'silent' : 'debug'),
    logFormat: raw.LOG_FORMAT ?? (production || test ? 'json' : 'pretty'),
    maxSpectators: raw.MAX_SPECTATORS,
    handSummarySeconds: raw.HAND_SUMMARY_SECONDS,
    timeScale: raw.TIME_SCALE,
    ratePerSecond: raw.RATE_PER_SECOND,
    rateBurst: raw.RATE_BURST,
    webDist: raw.WEB_DIST ?? join(serverRoot, '..', 'web', 'dist'),
    historyDays: raw.HISTORY_DAYS,
    joinsPerMinute: raw.JOINS_PER_MINUTE,
    wrongCodesPerHour: raw.WRONG_CODES_PER_HOUR,
    tablesPerPlayer: raw.TABLES_PER_PLAYER,
    tablesPerAddress: raw.TABLES_PER_ADDRESS,
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
    lanAddress: raw.LAN_ADDRESS,
    redisUrl: raw.REDIS_URL,
    databaseUrl: raw.DATABASE_URL,
    publicAddress: raw.PUBLIC_ADDRESS,
    leaseMs: raw.LEASE_MS,
    testCodes: raw.TEST_CODES === '' ? [] : raw.TEST_CODES.split(','),
    testSeed: raw.TEST_SEED,
  };
}
