/**
 * Hidden information, tested from the receiving side: after every patch each
 * client's decoded state must be exactly the view the rules allow its seat
 * (or a spectator) at some point of the game, with no card it may not know;
 * every event message must name only public cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGame, Rng } from '@deckhand/rules';
import type { AnyGame, MoveBase } from '@deckhand/rules';
import type { GameEventsMessage, TableStateJson } from '@deckhand/protocol';
import type { ObservedMove } from '../table/types';
import { Player, bootServer, playToEnd, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

/** Full rules states of each table, from the server's observer: index 0 is the deal, i is after move i. */
const histories = new Map<string, unknown[]>();

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25674, {}, {
    observer: {
      onDeal(table, _game, state) {
        histories.set(table, [state]);
      },
      onMove(table, record: ObservedMove) {
        histories.get(table)!.push(record.state);
      },
    },
  });
});
afterAll(async () => {
  await server.shutdown();
});

function cardsNamed(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(cardsNamed);
  if (typeof value !== 'object' || value === null) return [];
  const cards: number[] = [];
  for (const [key, field] of Object.entries(value)) {
    if ((key === 'card' || key === 'cards' || key === 'top') && (typeof field === 'number' || Array.isArray(field))) {
      cards.push(...(Array.isArray(field) ? (field as number[]) : [field]));
    } else {
      cards.push(...cardsNamed(field));
    }
  }
  return cards.filter((card) => card >= 0);
}

/** Watches one client: every decoded patch and every event message are checked against the server's history. */
class Inspector {
  checkedPatches = 0;
  checkedEvents = 0;
  private matched = 0;
  readonly problems: string[] = [];

  constructor(
    private readonly player: Player,
    private readonly game: AnyGame,
    private readonly code: string,
  ) {
    player.onPatch(() => this.checkPatch());
    player.onServerMessage((message) => {
      if (message.type === 'events') this.checkEvents(message);
    });
  }

  private checkPatch(): void {
    const json = (this.player.room.state as { toJSON(): TableStateJson }).toJSON();
    const snapshot = this.player.snapshot();
    const history = histories.get(this.code);
    if (!history || Object.keys(snapshot.board).length === 0) return;
    this.checkedPatches++;
    const expectedSeat = snapshot.seats.findIndex((seat) => seat.kind === 'human' && seat.playerId === this.player.playerId);
    const seat = expectedSeat >= 0 ? expectedSeat : null;
    const hands = Object.values(json.hands ?? {});
    if (seat === null && hands.length > 0) this.problems.push(`spectator decoded ${hands.length} private views`);
    if (hands.length > 1) this.problems.push(`seat ${seat} decoded ${hands.length} private views`);
    if (hands.length === 1 && hands[0]!.seat !== seat) this.problems.push(`seat ${seat} decoded the private view of seat ${hands[0]!.seat}`);
    if (snapshot.phase !== 'gameOver' && snapshot.seed !== '') this.problems.push('the seed was sent before game over');

    // The decoded view must be exactly what the rules let this seat know at one point of the game.
    for (let index = this.matched; index < history.length; index++) {
      const view = this.game.view(history[index], seat);
      if (!sameJson(view.public, snapshot.board) || !sameJson(view.private, snapshot.mine)) continue;
      this.matched = index;
      const decoded = { seat, public: snapshot.board, private: snapshot.mine };
      const known = this.game.audit.knownCards(history[index], seat);
      const unknown = this.game.audit.cardsInView(decoded).filter((card: number) => !known.has(card));
      if (unknown.length > 0) this.problems.push(`seat ${seat} decoded unknown cards ${unknown.join(',')} at step ${index}`);
      return;
    }
    this.problems.push(`seat ${seat}: decoded state matches no view of the game (after step ${this.matched})`);
  }

  private checkEvents(message: GameEventsMessage): void {
    const history = histories.get(this.code)!;
    const after = history[message.moveNumber];
    if (after === undefined) {
      this.problems.push(`event for unknown move ${message.moveNumber}`);
      return;
    }
    this.checkedEvents++;
    // Events go to everyone alike, so they may name only cards a spectator may know.
    const known = this.game.audit.knownCards(after, null);
    const leaked = cardsNamed(message.events).filter((card) => !known.has(card));
    if (leaked.length > 0) this.problems.push(`move ${message.moveNumber} events name hidden cards ${leaked.join(',')}`);
  }
}

/** Equal as data, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}

function pickWith(seed: string): (moves: MoveBase[]) => MoveBase {
  const rng = Rng.fromSeed(seed);
  return (moves) => {
    const plays = moves.filter((move) => move.type === 'play');
    return rng.pick(plays.length > 0 ? plays : moves);
  };
}

async function fourPlayers(gameId: string, options: Record<string, unknown>): Promise<Player[]> {
  // Everyone asks for the events messages too, so they are checked as well as the patches.
  const host = await Player.create(server, 'Seat 1', { gameId, options, seatCount: 4, turnSeconds: 0, events: true });
  const code = host.snapshot().code;
  const players = [host];
  for (let index = 2; index <= 4; index++) players.push(await Player.join(server, `Seat ${index}`, code, { events: true }));
  return players;
}

describe.each([
  ['hearts', { target: 50 }],
  ['crazy-eights', { target: 100, drawRule: 'drawOne' }],
])('hidden information in %s', (gameId, options) => {
  it('four clients and spectators only ever decode what their seat may know, through a reconnect', async () => {
    const game = findGame(gameId)!;
    const players = await fourPlayers(gameId, options);
    const code = players[0]!.snapshot().code;
    const early = await Player.join(server, 'Watcher', code, { spectate: true, events: true });
    const inspectors = [...players, early].map((player) => new Inspector(player, game, code));

    players[0]!.send({ type: 'start' });
    await waitFor('the deal', () => players.every((player) => player.snapshot().mine !== null));
    const pick = pickWith(`${gameId}-hidden`);

    // Play a while, then drop seat 3 and reconnect it; a second spectator arrives mid-game.
    const playing = playToEnd(players, pick, 60_000).catch((error: unknown) => error);
    await waitFor('some moves', () => players[0]!.events.length >= 10);
    const dropped = players[2]!;
    const token = dropped.room.reconnectionToken;
    await dropped.drop();
    await waitFor('seat 3 shown as reconnecting', () => players[0]!.snapshot().seats[2]!.connected === false);
    expect(players[0]!.snapshot().seats[2]!.reconnectDeadline).toBeGreaterThan(Date.now());
    await dropped.reconnect(token);
    expect(dropped.snapshot().mine).not.toBeNull();
    const late = await Player.join(server, 'Late watcher', code, { events: true });
    expect(late.snapshot().mySeat).toBeNull();
    inspectors.push(new Inspector(late, game, code));
    const result = await playing;
    if (result instanceof Error) throw result;
    await sleep(100);

    for (const inspector of inspectors) {
      expect(inspector.problems).toEqual([]);
      expect(inspector.checkedPatches).toBeGreaterThan(10);
      expect(inspector.checkedEvents).toBeGreaterThan(5);
    }
    const final = players[0]!.snapshot();
    expect(final.phase).toBe('gameOver');
    expect(final.seed).not.toBe('');
    // The late spectator saw the game's last moves without a private view.
    expect(late.snapshot().mine).toBeNull();
  }, 120_000);
});
