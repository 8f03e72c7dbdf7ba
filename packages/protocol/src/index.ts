export {
  PROTOCOL_VERSION, RoomName, CloseCode, CLOSE_REASONS, ErrorCode, JoinErrorCode, Limits, CODE_ALPHABET, isTableCode, parseTableCode,
} from './codes';
export {
  Visibility, TablePhase, SeatKind, BotLevel, MoveSource, TURN_SECONDS, DEFAULT_TURN_SECONDS, wireRecordFromJson,
  snapshotFromState, gameViewOf, seatOfPlayer,
} from './snapshot';
export type {
  TurnSeconds, SeatSnapshot, SpectatorSnapshot, OutcomeSnapshot, LastMoveSnapshot, TableSnapshot, WireRecordJson, SeatJson,
  PrivateJson, TableStateJson,
} from './snapshot';
export { moveEventsBetween } from './moveEvents';
export { ownHandDisagrees } from './handCheck';
export {
  ClientMessageSchema, CLIENT_MESSAGE_TYPES, parseClientMessage, CreateTableOptionsSchema, JoinTableOptionsSchema,
  GuestRequestSchema, parseName,
} from './messages';
export type {
  ConfigureMessage, AddBotMessage, RemoveBotMessage, KickMessage, StartMessage, RematchMessage, ToLobbyMessage,
  SitMessage, StandMessage, GetRecordMessage, MoveMessage, ChatMessage, ResyncMessage, ClientMessage, ClientMessageType, ProtocolError, Parsed,
  CreateTableOptions, JoinTableOptions, GuestResponse, ChatLine, WelcomeMessage, ErrorMessage, ChatLineMessage,
  ChatHistoryMessage, GameEventsMessage, GameRecordMessage, LogHistoryMessage, NoticeMessage, ServerMessage, ServerMessageType,
} from './messages';
