/**
 * Constants both sides must agree on: version, room names, close codes,
 * error codes and limits.
 */

/** Bumped on any change a client of the previous version would misread. Sent in join options and `welcome`. */
export const PROTOCOL_VERSION = 4;

/** Colyseus room names. */
export const RoomName = {
  /** A game table; its room id is the 5-character join code. */
  Table: 'table',
  /** Colyseus `LobbyRoom`, listing public tables live. */
  Lobby: 'lobby',
} as const;
export type RoomName = (typeof RoomName)[keyof typeof RoomName];

/**
 * WebSocket close codes the server uses when it ends a connection on purpose
 * (4000-4999 are application codes; Colyseus itself uses 4000, 4002, 4010,
 * 4201-4217, so ours sit in 41xx). The close reason carries a sentence.
 */
export const CloseCode = {
  /** The host removed this player; the same identity cannot rejoin this table. */
  Kicked: 4101,
  /** The same identity opened this table in another tab or device; this connection lost the seat. */
  TakenOver: 4102,
  /** Kept sending messages past the rate limit. */
  Flooding: 4103,
  /** The server is shutting down (deploy or restart); rejoin in a moment. */
  ServerShutdown: 4104,
  /** The table was closed (everyone left, or an operator closed it). */
  TableClosed: 4105,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** What each close code means, for logs and for the client's "you were disconnected" message. */
export const CLOSE_REASONS: Readonly<Record<CloseCode, string>> = {
  [CloseCode.Kicked]: 'The host removed you from this table.',
  [CloseCode.TakenOver]: 'This table was opened in another tab or window.',
  [CloseCode.Flooding]: 'Too many messages: disconnected.',
  [CloseCode.ServerShutdown]: 'The server is restarting. Rejoin in a moment.',
  [CloseCode.TableClosed]: 'The table was closed.',
};

/**
 * Error codes of the table (sent in `error` messages and as join errors).
 * Rule violations from the game pass through with the game's own codes
 * (`NOT_YOUR_TURN`, `MUST_FOLLOW_SUIT`, ...).
 */
export const ErrorCode = {
  /** The payload does not match any message shape. */
  BadMessage: 'BAD_MESSAGE',
  /** The message type is not part of the protocol. */
  UnknownType: 'UNKNOWN_TYPE',
  /** The payload is larger than `Limits.messageBytes`. */
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  /** Only the host may do this. */
  NotHost: 'NOT_HOST',
  /** Not possible in the table's current phase (e.g. adding a bot mid-game). */
  TablePhase: 'TABLE_PHASE',
  /** The sender holds no seat (spectators cannot move). */
  NotSeated: 'NOT_SEATED',
  NoSuchSeat: 'NO_SUCH_SEAT',
  SeatTaken: 'SEAT_TAKEN',
  /** The seat holds no bot to remove. */
  NotABot: 'NOT_A_BOT',
  NoSuchPlayer: 'NO_SUCH_PLAYER',
  NoSuchGame: 'NO_SUCH_GAME',
  InvalidOptions: 'INVALID_OPTIONS',
  /** Fewer occupied seats than the game's minimum. */
  NotEnoughPlayers: 'NOT_ENOUGH_PLAYERS',
  /** No seat is free and the spectator gallery is full. */
  TableFull: 'TABLE_FULL',
  /** This identity was kicked from the table. */
  Banned: 'BANNED',
  BadChat: 'BAD_CHAT',
  /** Guest token missing, invalid or expired. */
  BadToken: 'BAD_TOKEN',
  BadName: 'BAD_NAME',
  /** The client speaks another protocol version: reload the page. */
  ProtocolMismatch: 'PROTOCOL_MISMATCH',
  NoSuchTable: 'NO_SUCH_TABLE',
  /** An HTTP request body over the server's limit (a few KB). */
  BodyTooLarge: 'BODY_TOO_LARGE',
  /** This identity or address already has as many open tables as the server allows. */
  TooManyTables: 'TOO_MANY_TABLES',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Numeric codes of a refused join or create (`MatchMakeError.code` on the
 * client); the message carries the sentence to show.
 */
export const JoinErrorCode = {
  BadRequest: 4400,
  BadToken: 4401,
  Banned: 4403,
  NoSuchGame: 4404,
  /** The host kicked this identity or device, or refused its knock: out for the life of the table. */
  Refused: 4405,
  TableFull: 4409,
  /** No table you may join has this code: the one answer for a wrong code, a closed table and a locked one. */
  NoSuchTable: 4410,
  /** The name breaks the name rule, or reads the same as someone's already at the table. */
  BadName: 4422,
  /** The table is locked: join again with `knock: true` to wait for the host's answer. */
  Locked: 4423,
  ProtocolMismatch: 4426,
  /** The creator already has as many open tables as the server allows. */
  TooManyTables: 4430,
} as const;
export type JoinErrorCode = (typeof JoinErrorCode)[keyof typeof JoinErrorCode];

export const Limits = {
  /** Player names, after trimming. */
  nameMin: 1,
  nameMax: 20,
  chatMax: 200,
  /** Chat lines kept per table and sent to whoever joins later. */
  chatHistory: 50,
  /** Log entries (moves and notices) of the current game the server keeps for members coming back. */
  logHistory: 60,
  /** The last log entries a newcomer gets (a spectator, a new tab): the page keeps its own log across a reload. */
  logTail: 6,
  /** Largest accepted message payload, in bytes of its JSON form. */
  messageBytes: 2048,
  /** Token bucket per client: sustained messages per second and burst. */
  ratePerSecond: 20,
  rateBurst: 40,
  /** Messages dropped for rate within one window before the client is disconnected as flooding. */
  floodDrops: 100,
  floodWindowMs: 10_000,
  /** Chat's own, tighter bucket. */
  chatPerSecond: 1,
  chatBurst: 5,
  maxSpectators: 8,
  /** Seconds the hand summary waits for every human to continue. */
  handSummarySeconds: 10,
  /** Turn timeouts in a row after which a seat is marked away. */
  timeoutsBeforeAway: 2,
  /**
   * Moves refused in a row, on the seat's own turn, after which it is marked
   * away too: the web offers only legal moves, so this is a client that
   * cannot play (a stale hand), not a person misclicking.
   */
  refusalsBeforeAway: 5,
  /** How long a knock waits for the host's answer before the knocker is told to knock again. */
  knockWaitMs: 45_000,
  /** Shortest time between two `resync` requests of one client. */
  resyncIntervalMs: 2000,
  /** Length of a join code. */
  codeLength: 5,
} as const;

/** Join-code alphabet: no vowels (no words), no 0/O or 1/I/L look-alikes. */
export const CODE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXZ';

export function isTableCode(text: string): boolean {
  return text.length === Limits.codeLength && [...text].every((char) => CODE_ALPHABET.includes(char));
}

/** Normalizes what a person typed (`bcd fg`) into a code, or null. */
export function parseTableCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return isTableCode(code) ? code : null;
}
