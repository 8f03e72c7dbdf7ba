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
export { sidesOf } from './sides';
export { NO_CONTEXT, lastMoverOf, packList, packPublic, unpackList, unpackPublic } from './wire';
export type { WireContext } from './wire';
export type { PublicWire } from './wire';
export { randomBot } from './bots/random';
export { botFromModule, resolveBot, loadBotModule, isBotPath, BotModuleError, BotMisplayError } from './bots/external';
export {
  createIsmctsBot, handRewards, scoreScaleOf, RolloutPolicy, ISMCTS_BOT_ID, DEFAULT_ISMCTS_ITERATIONS,
  DEFAULT_ISMCTS_EXPLORATION, DEFAULT_COMMON_DEALS, DEFAULT_COMMON_ROLLOUTS,
} from './bots/ismcts';
export type { IsmctsOptions, ScoreScale } from './bots/ismcts';
export { crazyEights } from './games/crazy-eights/crazyEights';
export { CrazyEightsError, DrawRule as CrazyEightsDrawRule, discardTop } from './games/crazy-eights/state';
export type {
  CrazyEightsState, CrazyEightsMove, CrazyEightsView, CrazyEightsOptions, CrazyEightsPublic, CrazyEightsPrivate,
  CrazyEightsEvent, CrazyEightsPhase, CrazyEightsTarget,
} from './games/crazy-eights/state';
export { crazyEightsHeuristicBot } from './games/crazy-eights/heuristicBot';
export { hearts } from './games/hearts/hearts';
export { HeartsError, HeartsPhase, PassDirection as HeartsPassDirection } from './games/hearts/state';
export type { HeartsState, HeartsMove, HeartsOptions, HeartsEvent } from './games/hearts/state';
export type { HeartsView, HeartsPublic, HeartsPrivate } from './games/hearts/views';
export { heartsHeuristicBot } from './games/hearts/bot';
export { heartsTable } from './games/hearts/testing';
export type { HeartsTableSpec } from './games/hearts/testing';
export { spades } from './games/spades/spades';
export { SpadesError, SpadesPhase } from './games/spades/rules';
export type { SpadesState, SpadesMove, SpadesOptions, SpadesEvent } from './games/spades/rules';
export type { SpadesView, SpadesPublic, SpadesPrivate } from './games/spades/views';
export { spadesHeuristicBot } from './games/spades/bot';
export { ginRummy, setupGinRummy } from './games/gin-rummy/ginRummy';
export { GinRummyError, GinRummyPhase, HandResult as GinRummyHandResult } from './games/gin-rummy/state';
export type {
  GinRummyState, GinRummyMove, GinRummyView, GinRummyOptions, GinRummyPublic, GinRummyPrivate, GinRummyEvent, GinRummyTarget,
} from './games/gin-rummy/state';
export {
  bestArrangement, minDeadwood, bestDiscard, deadwoodAfterDiscards, cardValue as ginCardValue, deadwoodValue, isMeld, isRun, isSet, fitsMeld, sortMeld,
} from './games/gin-rummy/melds';
export type { Arrangement, DiscardOutlook } from './games/gin-rummy/melds';
export { ginRummyHeuristicBot } from './games/gin-rummy/heuristicBot';
export { GAMES, findGame, gameIds, findBot, botIds } from './registry';
export { playGame, auditState, replayGame } from './play';
export type { RecordedMove, GameRecord, PlayConfig, PlayedGame, ReplayResult } from './play';
export { simulate } from './simulate';
export type { SimulationConfig, SeatSummary, SimulationSummary } from './simulate';
export { runArena, matchSeatings, matchPairs, ArenaMode } from './arena';
export type { ArenaConfig, ArenaEntrant, ArenaMatch, ArenaResult, ArenaStanding, MatchSide, Estimate } from './arena';
export { meanInterval, rateInterval } from './cli/stats';
export type { MeanInterval } from './cli/stats';
