export {
  Suit, Rank, SUITS, RANKS, DECK_SIZE, cardOf, suitOf, rankOf, isCard, fullDeck, formatCard, cardName,
  suitName, suitSymbol, rankLabel, parseCard, parseCards, compareCards, sortCards,
} from './cards';
export type { Card } from './cards';
export { Rng } from './rng';
export type { RngState } from './rng';
export { CommonError } from './game';
export type {
  Seat, RuleError, Result, ApplyResult, MoveBase, EventBase, Outcome, OptionValue, OptionSpec, OptionsError,
  SetupConfig, GameAudit, WireValue, WireRecord, GameView, Bot, GameDefinition, AnyGame,
} from './game';
export { parseChoiceOptions } from './options';
export { randomBot } from './bots/random';
export { GAMES, findGame, gameIds, findBot, botIds } from './registry';
export { playGame, auditState, replayGame } from './play';
export type { RecordedMove, GameRecord, PlayConfig, PlayedGame, ReplayResult } from './play';
export { simulate } from './simulate';
export type { SimulationConfig, SeatSummary, SimulationSummary } from './simulate';
