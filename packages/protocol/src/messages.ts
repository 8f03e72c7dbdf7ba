/**
 * Messages between client and server: discriminated unions keyed by `type`,
 * with valibot validators shared by both sides. The client sends a message
 * with `room.send(message.type, message)`; the server validates
 * `{ ...payload, type }` from `unknown` and answers bad input with an `error`
 * message (never a disconnect).
 */
import * as v from 'valibot';
import type { EventBase, MoveBase, Seat } from '@deckhand/rules';
import { ErrorCode, Limits } from './codes';
import { BotLevel, TURN_SECONDS, Visibility } from './snapshot';
import type { MoveSource } from './snapshot';

const SeatIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(15));
const OptionValueSchema = v.union([v.string(), v.number(), v.boolean()]);
const Identifier = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** A browser's random id (kept in localStorage), so a kick reaches the device and not only the free guest identity. */
export const DeviceId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** Host settings before a game starts; every field is optional so one control changes one thing. */
const ConfigureMessage = v.object({
  type: v.literal('configure'),
  gameId: v.optional(Identifier),
  options: v.optional(v.record(v.pipe(v.string(), v.maxLength(32)), OptionValueSchema)),
  visibility: v.optional(v.picklist([Visibility.Public, Visibility.Private])),
  turnSeconds: v.optional(v.picklist(TURN_SECONDS)),
  /** Number of seats at the table (within the game's min/max). */
  seatCount: v.optional(SeatIndex),
});

const AddBotMessage = v.object({
  type: v.literal('addBot'),
  seat: SeatIndex,
  level: v.picklist(Object.values(BotLevel)),
});
const RemoveBotMessage = v.object({ type: v.literal('removeBot'), seat: SeatIndex });
/** The host swaps who sits in two seats before a game: how partners are chosen in a game of partnerships. */
const SwapSeatsMessage = v.object({ type: v.literal('swapSeats'), seat: SeatIndex, with: SeatIndex });
const KickMessage = v.object({ type: v.literal('kick'), playerId: Identifier });
const StartMessage = v.object({ type: v.literal('start') });
/** Host, any time: a locked table lets newcomers in only when the host admits them. */
const LockMessage = v.object({ type: v.literal('lock'), locked: v.boolean() });
/** Host: let a knocking newcomer in, or keep them out for the life of the table. */
const AdmitMessage = v.object({ type: v.literal('admit'), playerId: Identifier });
const RefuseMessage = v.object({ type: v.literal('refuse'), playerId: Identifier });
/** At game over: same seats, same game, new seed. */
const RematchMessage = v.object({ type: v.literal('rematch') });
/** At game over: back to the lobby to change game, options or seats. */
const ToLobbyMessage = v.object({ type: v.literal('toLobby') });
/** A spectator (or seated player) takes a free seat between games. */
const SitMessage = v.object({ type: v.literal('sit'), seat: SeatIndex });
/** A seated player becomes a spectator between games. */
const StandMessage = v.object({ type: v.literal('stand') });
/** At game over: asks for the game's `record` (seed and moves), sent to the asker only. */
const GetRecordMessage = v.object({ type: v.literal('getRecord') });
/** A game move; its fields are the game's own and checked by the rules. */
const MoveMessage = v.object({
  type: v.literal('move'),
  move: v.looseObject({ type: v.pipe(v.string(), v.minLength(1), v.maxLength(32)) }),
});
/**
 * Asks the server for a fresh copy of this client's own hand: sent when the
 * decoded hand disagrees with the public count of its seat (`ownHandDisagrees`).
 */
const ResyncMessage = v.object({ type: v.literal('resync') });
const ChatMessage = v.object({ type: v.literal('chat'), text: v.pipe(v.string(), v.maxLength(Limits.chatMax * 4)) });

export const ClientMessageSchema = v.variant('type', [
  ConfigureMessage,
  AddBotMessage,
  RemoveBotMessage,
  SwapSeatsMessage,
  KickMessage,
  StartMessage,
  RematchMessage,
  ToLobbyMessage,
  SitMessage,
  StandMessage,
  GetRecordMessage,
  MoveMessage,
  ChatMessage,
  ResyncMessage,
  LockMessage,
  AdmitMessage,
  RefuseMessage,
]);

export type ConfigureMessage = v.InferOutput<typeof ConfigureMessage>;
export type AddBotMessage = v.InferOutput<typeof AddBotMessage>;
export type RemoveBotMessage = v.InferOutput<typeof RemoveBotMessage>;
export type SwapSeatsMessage = v.InferOutput<typeof SwapSeatsMessage>;
export type KickMessage = v.InferOutput<typeof KickMessage>;
export type StartMessage = v.InferOutput<typeof StartMessage>;
export type RematchMessage = v.InferOutput<typeof RematchMessage>;
export type ToLobbyMessage = v.InferOutput<typeof ToLobbyMessage>;
export type SitMessage = v.InferOutput<typeof SitMessage>;
export type StandMessage = v.InferOutput<typeof StandMessage>;
export type GetRecordMessage = v.InferOutput<typeof GetRecordMessage>;
export type MoveMessage = { readonly type: 'move'; readonly move: MoveBase };
export type ChatMessage = v.InferOutput<typeof ChatMessage>;
export type ResyncMessage = v.InferOutput<typeof ResyncMessage>;
export type LockMessage = v.InferOutput<typeof LockMessage>;
export type AdmitMessage = v.InferOutput<typeof AdmitMessage>;
export type RefuseMessage = v.InferOutput<typeof RefuseMessage>;
export type ClientMessage =
  | ConfigureMessage
  | AddBotMessage
  | RemoveBotMessage
  | SwapSeatsMessage
  | KickMessage
  | StartMessage
  | RematchMessage
  | ToLobbyMessage
  | SitMessage
  | StandMessage
  | GetRecordMessage
  | MoveMessage
  | ChatMessage
  | ResyncMessage
  | LockMessage
  | AdmitMessage
  | RefuseMessage;
export type ClientMessageType = ClientMessage['type'];

/** Each message type's own schema: a message is checked against its type's alone (the variant would try the others first). */
const SCHEMA_BY_TYPE: ReadonlyMap<string, (typeof ClientMessageSchema.options)[number]> = new Map(
  ClientMessageSchema.options.map((schema) => [schema.entries.type.literal, schema]),
);

export const CLIENT_MESSAGE_TYPES: readonly ClientMessageType[] = ClientMessageSchema.options.map((schema) => schema.entries.type.literal);

/** A problem with a message or an action, as the sender receives it. */
export interface ProtocolError {
  readonly code: string;
  readonly message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/**
 * Validates a message from the network. `type` is the Colyseus message type;
 * `payload` is whatever arrived. Never throws.
 */
export function parseClientMessage(type: unknown, payload: unknown): Parsed<ClientMessage> {
  const schema = typeof type === 'string' ? SCHEMA_BY_TYPE.get(type) : undefined;
  if (schema === undefined) {
    return { ok: false, error: { code: ErrorCode.UnknownType, message: `Unknown message type ${describe(type)}.` } };
  }
  const body = payload === undefined || payload === null ? {} : payload;
  if (typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: { code: ErrorCode.BadMessage, message: `A "${type}" message must be an object.` } };
  }
  const result = v.safeParse(schema, { ...body, type });
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    const detail = issue ? `${path ? `${path}: ` : ''}${issue.message}` : 'invalid';
    return { ok: false, error: { code: ErrorCode.BadMessage, message: `Bad "${type}" message (${detail}).` } };
  }
  return { ok: true, value: result.output as ClientMessage };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 32)) : typeof value;
  return text;
}

/** Options a client passes when creating a table (`client.create('table', options)`). */
export const CreateTableOptionsSchema = v.object({
  /** The guest token; or leave it out and set colyseus.js' `client.auth.token` (sent as `Authorization: Bearer`). */
  token: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  protocol: v.optional(v.number()),
  gameId: Identifier,
  options: v.optional(v.record(v.pipe(v.string(), v.maxLength(32)), OptionValueSchema)),
  visibility: v.optional(v.picklist([Visibility.Public, Visibility.Private])),
  turnSeconds: v.optional(v.picklist(TURN_SECONDS)),
  seatCount: v.optional(SeatIndex),
  /** True: also receive a per-move `events` message (see `GameEventsMessage`); off by default. */
  events: v.optional(v.boolean()),
  device: v.optional(DeviceId),
});
export type CreateTableOptions = v.InferOutput<typeof CreateTableOptionsSchema>;

/** Options a client passes when joining by code (`client.joinById(code, options)`). */
export const JoinTableOptionsSchema = v.object({
  /** As in `CreateTableOptionsSchema`: here or in `client.auth.token`. */
  token: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  protocol: v.optional(v.number()),
  /** Join as a spectator even if a seat is free. */
  spectate: v.optional(v.boolean()),
  /** A bot program joins: its seat is marked as one (`SeatSnapshot.program`) and plays like any seat. */
  program: v.optional(v.boolean()),
  /** True: also receive a per-move `events` message (see `GameEventsMessage`); off by default. */
  events: v.optional(v.boolean()),
  device: v.optional(DeviceId),
  /** At a locked table: wait (up to `Limits.knockWaitMs`) for the host to let this newcomer in. */
  knock: v.optional(v.boolean()),
  /**
   * The schema classes this client holds (`TABLE_SCHEMA_ID` of @deckhand/table-schema): when they
   * are the server's, the join's handshake leaves their description out (about 970 bytes).
   */
  schema: v.optional(v.pipe(v.string(), v.maxLength(16))),
});
export type JoinTableOptions = v.InferOutput<typeof JoinTableOptionsSchema>;

/** `POST /api/guest` body and answer. */
export const GuestRequestSchema = v.object({ name: v.string() });
export interface GuestResponse {
  readonly token: string;
  readonly playerId: string;
  /** The name as the server stored it (trimmed). */
  readonly name: string;
}

/** A chat line as everyone at the table receives it. */
export interface ChatLine {
  /** Increasing per table, so a client can drop a line it already has. */
  readonly id: number;
  /** The speaker's seat, null for a spectator. */
  readonly seat: Seat | null;
  readonly playerId: string;
  readonly name: string;
  readonly text: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Server-to-client messages (`room.onMessage(type, ...)`). */
export interface WelcomeMessage {
  readonly type: 'welcome';
  /** The server's `PROTOCOL_VERSION`. */
  readonly protocol: number;
  readonly playerId: string;
  readonly code: string;
  /** How long the server holds this seat after a dropped connection (RECONNECT_SECONDS). */
  readonly reconnectSeconds: number;
}
export interface ErrorMessage extends ProtocolError {
  readonly type: 'error';
}
export interface ChatLineMessage {
  readonly type: 'chat';
  readonly line: ChatLine;
}
/** Sent once on join: the last lines of the table's chat. */
export interface ChatHistoryMessage {
  readonly type: 'chatHistory';
  readonly lines: readonly ChatLine[];
}
/**
 * What a move did, for the log and for animations; events are public by the
 * rules' contract. Sent only to clients that joined with `events: true`: it
 * costs about 100 bytes a move, and every client can read the same message
 * from the patches it receives anyway (`moveEventsBetween`).
 */
export interface GameEventsMessage {
  readonly type: 'events';
  /** 1 for the game's first move; lets a client notice a gap. */
  readonly moveNumber: number;
  readonly handNumber: number;
  /** The seat that acted. */
  readonly seat: Seat;
  /** Why the server acted for the seat, if it did. */
  readonly by: MoveSource;
  readonly events: readonly EventBase[];
}
/**
 * The answer to `getRecord` once the game is over (not broadcast: it would
 * cost every client the whole move list): everything needed to replay the
 * game with @deckhand/rules (`setup({seed, seats, options})`, then each move).
 */
export interface GameRecordMessage {
  readonly type: 'record';
  readonly gameId: string;
  readonly seed: string;
  readonly seedHash: string;
  readonly seats: number;
  readonly options: Readonly<Record<string, string | number | boolean>>;
  readonly moves: readonly { readonly seat: Seat; readonly move: MoveBase }[];
}
/** Table happenings for the log (join, leave, kick, host change). */
export interface NoticeMessage {
  readonly type: 'notice';
  readonly text: string;
}
/**
 * Entries of the current game's log, oldest first: the same public `events`
 * and `notice` messages everyone saw. A newcomer gets the last
 * `Limits.logTail` of them on join; a member coming back after a drop or a
 * reload gets what was added while it was away (as much as the server keeps,
 * `Limits.logHistory`). The client adds them after what its log holds, skipping
 * the moves it already has; nothing is sent when there is nothing new.
 */
export interface LogHistoryMessage {
  readonly type: 'logHistory';
  readonly entries: readonly (GameEventsMessage | NoticeMessage)[];
}
/**
 * A finished game is stored as history (written, not only played): its `id`
 * opens the replay (`/g/<id>` in the web app, `GET /api/games/<id>`). Sent to
 * everyone at the table, spectators too, right after the game-over patch, and
 * again to whoever joins or comes back while the table still shows that game over.
 */
export interface GameSavedMessage {
  readonly type: 'gameSaved';
  readonly id: string;
}
export type ServerMessage =
  | WelcomeMessage
  | ErrorMessage
  | ChatLineMessage
  | ChatHistoryMessage
  | GameEventsMessage
  | GameRecordMessage
  | NoticeMessage
  | LogHistoryMessage
  | GameSavedMessage;
export type ServerMessageType = ServerMessage['type'];
