export { startServer } from './server';
export type { StartOptions, RunningServer } from './server';
export { loadConfig, ConfigError } from './config';
export type { ServerConfig, BotDelay, LogLevel } from './config';
export type { GuestIdentity, GuestTokens } from './guestTokens';
export type { TableMetadata, TableObserver, ObservedMove } from './TableRoom';
export { BotPool } from './BotPool';
export type { BotPoolOptions, BotTally, BotThinking } from './BotPool';
export type { SearchAnswer, SearchRequest } from './botSearch';
