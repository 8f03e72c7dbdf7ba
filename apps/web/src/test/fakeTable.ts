/**
 * Test doubles for a table: the decoded state a colyseus.js client would hold
 * (built from a real rules view, in the server's wire shape) and a fake Room
 * and Client that a real TableSession can open.
 */
import type { TableStateJson, WireRecordJson } from '@deckhand/protocol';
import { crazyEights, type CrazyEightsState, type WireRecord } from '@deckhand/rules';
import type { Client } from 'colyseus.js';

/** A rules view record in the schema's per-kind maps, as the server mirrors it. */
export function wireJson(record: WireRecord | null): WireRecordJson {
  const json = { num: {}, str: {}, flag: {}, list: {}, flags: {} } as {
    num: Record<string, number>;
    str: Record<string, string>;
    flag: Record<string, boolean>;
    list: Record<string, { items: number[] }>;
    flags: Record<string, { items: number[] }>;
  };
  for (const [key, value] of Object.entries(record ?? {})) {
    if (typeof value === 'number') json.num[key] = value;
    else if (typeof value === 'string') json.str[key] = value;
    else if (typeof value === 'boolean') json.flag[key] = value;
    else if (value.length > 0 && typeof value[0] === 'boolean') json.flags[key] = { items: (value as readonly boolean[]).map(Number) };
    else json.list[key] = { items: [...(value as readonly number[])] };
  }
  return json;
}

export const NAMES = ['Ana', 'Ben', 'Cy', 'Dee'];

/** The decoded state of a table playing `gameId`, seen from `seat`. */
export function tableJson(options: {
  gameId: string;
  seatCount: number;
  seat: number | null;
  publicView: WireRecord;
  privateView: WireRecord | null;
  phase?: string;
}): TableStateJson {
  return {
    code: 'BCD42',
    gameId: options.gameId,
    visibility: 'private',
    phase: options.phase ?? 'playing',
    hostId: 'p0',
    seats: Array.from({ length: options.seatCount }, (_, i) => ({
      playerId: i < 2 ? `p${i}` : '',
      name: NAMES[i] ?? `Bot ${i + 1}`,
      kind: i < 2 ? 'human' : 'bot',
      botLevel: i < 2 ? '' : 'normal',
      connected: true,
    })),
    spectators: {},
    turnSeconds: 30,
    deadline: 0,
    board: wireJson(options.publicView),
    hands: options.seat === null ? {} : { [String(options.seat)]: { ...wireJson(options.privateView), seat: options.seat } },
  };
}

type Listener = (...args: never[]) => void;

/** A colyseus.js Room stand-in: records what is sent and lets the test push state and messages. */
export class FakeRoom {
  roomId = 'BCD42';
  reconnectionToken = 'BCD42:token';
  state: unknown;
  readonly sent: { type: string | number; message: unknown }[] = [];
  private readonly stateListeners = new Set<(state: unknown) => void>();
  private readonly messageListeners = new Map<string, (message: unknown) => void>();
  private readonly leaveListeners: ((code: number, reason?: string) => void)[] = [];
  readonly onStateChange = Object.assign((callback: (state: unknown) => void) => this.stateListeners.add(callback), {
    remove: (callback: (state: unknown) => void) => this.stateListeners.delete(callback),
  });

  constructor(state: TableStateJson) {
    this.state = state;
  }
  setState(state: TableStateJson): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
  onMessage(type: string, callback: (message: unknown) => void): void {
    this.messageListeners.set(type, callback);
  }
  receive(type: string, message: unknown): void {
    this.messageListeners.get(type)?.(message);
  }
  onError(_callback: Listener): void {}
  onLeave(callback: (code: number, reason?: string) => void): void {
    this.leaveListeners.push(callback);
  }
  drop(code: number, reason?: string): void {
    for (const listener of this.leaveListeners) listener(code, reason);
  }
  send(type: string | number, message?: unknown): void {
    this.sent.push({ type, message });
  }
  removeAllListeners(): void {
    this.stateListeners.clear();
    this.messageListeners.clear();
  }
  async leave(): Promise<number> {
    return 1000;
  }
}

/** A Client whose joins and reconnects hand out the given rooms in order. */
export function fakeClient(
  rooms: FakeRoom[],
  /** `reconnect`: how many token reconnects fail, each with `reconnectError` (a refused token by default). */
  failures: { reconnect?: number; reconnectError?: Error; joinById?: (Error | null)[] } = {},
): Client & { calls: string[] } {
  const calls: string[] = [];
  let reconnectFailures = failures.reconnect ?? 0;
  /** What the next joins do, in order: throw the error (a server down, then restoring its tables), or join (null). */
  const joinFailures = [...(failures.joinById ?? [])];
  const next = async (): Promise<FakeRoom> => {
    const room = rooms.shift();
    if (!room) throw new Error('no rooms left');
    return room;
  };
  return {
    calls,
    joinById: async (code: string) => {
      calls.push(`joinById ${code}`);
      const failure = joinFailures.shift();
      if (failure) throw failure;
      return next();
    },
    create: async () => {
      calls.push('create');
      return next();
    },
    reconnect: async (token: string) => {
      calls.push(`reconnect ${token}`);
      if (reconnectFailures > 0) {
        reconnectFailures--;
        throw failures.reconnectError ?? new Error('reconnection token invalid or expired');
      }
      return next();
    },
  } as unknown as Client & { calls: string[] };
}

/** Seat 0's decoded state of a Crazy Eights game after move `moveNumber`, made by `lastSeat`. */
export function eightsJson(state: CrazyEightsState, moveNumber: number, lastSeat: number): TableStateJson {
  const view = crazyEights.view(state, 0);
  return {
    ...tableJson({ gameId: 'crazy-eights', seatCount: 4, seat: 0, publicView: view.public, privateView: view.private }),
    seedHash: 'deal-1',
    moveNumber,
    lastSeat,
    lastBy: 'player',
  };
}
