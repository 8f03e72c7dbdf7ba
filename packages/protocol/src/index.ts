export {
  PROTOCOL_VERSION, RoomName, CloseCode, CLOSE_REASONS, ErrorCode, JoinErrorCode, Limits, CODE_ALPHABET, isTableCode, parseTableCode,
} from './codes';
export {
  Visibility, TablePhase, SeatKind, BotLevel, MoveSource, TURN_SECONDS, DEFAULT_TURN_SECONDS, wireRecordFromJson,
  snapshotFromState, gameViewOf, seatOfPlayer, boardOf, createMoveClock, turnTimerRuns, timedSeats, keepsDeadline, deadlineOf,
} from './snapshot';
export type {
  MoveClock, DeadlineMemory, TurnSeconds, SeatSnapshot, SpectatorSnapshot, KnockerSnapshot, OutcomeSnapshot, LastMoveSnapshot, TableSnapshot, WireRecordJson, SeatJson,
  PrivateJson, TableStateJson,
} from './snapshot';
export { moveEventsBetween } from './moveEvents';
export { TokenBucket, senderBucket } from './tokenBucket';
export type { RateLimit } from './tokenBucket';
export { ownHandDisagrees } from './handCheck';
export {
  ClientMessageSchema, CLIENT_MESSAGE_TYPES, DeviceId, parseClientMessage, CreateTableOptionsSchema, JoinTableOptionsSchema,
  GuestRequestSchema,
} from './messages';
export { parseName, cleanChatText } from './names';
export type {
  ConfigureMessage, AddBotMessage, RemoveBotMessage, KickMessage, StartMessage, RematchMessage, ToLobbyMessage,
  SitMessage, StandMessage, GetRecordMessage, MoveMessage, ChatMessage, ResyncMessage, LockMessage, AdmitMessage, RefuseMessage, ClientMessage, ClientMessageType, ProtocolError, Parsed,
  CreateTableOptions, JoinTableOptions, GuestResponse, ChatLine, WelcomeMessage, ErrorMessage, ChatLineMessage,
  ChatHistoryMessage, GameEventsMessage, GameRecordMessage, LogHistoryMessage, NoticeMessage, GameSavedMessage, ServerMessage, ServerMessageType,
} from './messages';
export { RECENT_GAMES_LIMIT, HistoryErrorCode, parseFinishedGameId } from './history';
export { HistoryPlayerSchema, RecentGameSchema, RecentGamesResponseSchema, RecordedMoveSchema, FinishedGameSchema } from './historySchemas';
export type { HistoryPlayer, RecentGame, RecentGamesResponse, FinishedGame } from './historySchemas';
