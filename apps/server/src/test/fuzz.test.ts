/**
 * Over 10,000 random and malformed messages from several clients into two
 * running games: the server stays up, every rules invariant holds after every
 * move, and the honest players finish their games without a single error.
 * Driven by a seeded random source so a failure replays.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findGame, Rng } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import { Player, bootServer, playToEnd, seatedTable, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

/** Per attacker and wave: 6 attackers x 6 waves x 300 = 10,800 messages. */
const MESSAGES_PER_ATTACKER = 300;
const broken: string[] = [];
let movesChecked = 0;

let server: TestServer;
beforeAll(async () => {
  // Schema's string decoder reports each invalid UTF-8 byte of the raw noise on stderr; keep other errors visible.
  const consoleError = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('decode.utf8Read()')) return;
    consoleError(...args);
  });
  server = await bootServer(
    25678,
    // A generous rate limit so the fuzz reaches the handlers (the limit has its own test); 1.5 s turns, so an
    // attacker holding a seat cannot stall the game while honest players have time to act.
    { RATE_PER_SECOND: '5000', RATE_BURST: '5000', TIME_SCALE: '0.1' },
    {
      observer: {
        onMove(table, { game, state }) {
          movesChecked++;
          for (const problem of game.audit.invariants(state)) broken.push(`${table}: ${problem}`);
        },
      },
    },
  );
});
afterAll(async () => {
  await server.shutdown();
  vi.restoreAllMocks();
});

const TYPES = ['move', 'move', 'move', 'chat', 'configure', 'addBot', 'removeBot', 'kick', 'start', 'rematch', 'toLobby', 'sit', 'stand', 'explode', '', 'welcome'];
const KEYS = ['type', 'move', 'card', 'cards', 'seat', 'level', 'playerId', 'text', 'gameId', 'options', 'suit', 'turnSeconds', 'visibility', 'seatCount', '__proto__', 'constructor'];
const MOVE_TYPES = ['play', 'pass', 'draw', 'continue', 'fly', ''];

function randomValue(rng: Rng, depth: number): unknown {
  switch (rng.int(depth > 2 ? 6 : 9)) {
    case 0:
      return rng.int(70) - 10;
    case 1:
      return rng.pick([1e12, -0.5, 3.7, Number.MAX_SAFE_INTEGER, -1]);
    case 2:
      return rng.pick(['', 'x', 'hearts', 'easy', 'QS', '\u0000\u0007', 'ü'.repeat(rng.int(40))]);
    case 3:
      return rng.int(2) === 0;
    case 4:
      return null;
    case 5:
      return 'z'.repeat(rng.int(3000));
    case 6:
    case 7:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1));
    default: {
      const value: Record<string, unknown> = {};
      for (let index = rng.int(5); index > 0; index--) value[rng.pick(KEYS)] = randomValue(rng, depth + 1);
      return value;
    }
  }
}

/** Mostly move-shaped noise (the likeliest attack), the rest anything at all. */
function randomPayload(rng: Rng, type: string): unknown {
  if (type === 'move' && rng.int(3) > 0) {
    return {
      move: {
        type: rng.pick(MOVE_TYPES),
        card: rng.int(60) - 4,
        cards: Array.from({ length: rng.int(5) }, () => rng.int(56) - 2),
        suit: rng.int(6) - 1,
      },
    };
  }
  return randomValue(rng, 0);
}

function attack(player: Player, rng: Rng): number {
  let sent = 0;
  for (let index = 0; index < MESSAGES_PER_ATTACKER; index++) {
    if (!player.room.connection.isOpen) break;
    if (rng.int(50) === 0) {
      // Raw bytes that claim to be a room message.
      player.room.connection.send(new Uint8Array([13, ...Array.from({ length: rng.int(30) }, () => rng.int(256))]));
    } else {
      const type = rng.pick(TYPES);
      player.room.send(type, randomPayload(rng, type));
    }
    sent++;
  }
  return sent;
}

function humanPick(seed: string): (moves: MoveBase[]) => MoveBase {
  const rng = Rng.fromSeed(seed);
  return (moves) => {
    const plays = moves.filter((move) => move.type === 'play');
    return rng.pick(plays.length > 0 ? plays : moves);
  };
}

describe('fuzz', () => {
  it('10,000+ random and malformed messages: the server stays up, invariants hold, honest players finish', async () => {
    const rng = Rng.fromSeed('deckhand-fuzz');
    const tables = await Promise.all([
      seatedTable(server, 'hearts', 3, { gameOptions: { target: 50 }, turnSeconds: 15 }),
      seatedTable(server, 'crazy-eights', 3, { seats: 4, gameOptions: { target: 100, drawRule: 'drawOne' }, turnSeconds: 15 }),
    ]);
    const attackers: Player[] = [];
    const honest: Player[][] = [];
    for (const players of tables) {
      const code = players[0]!.snapshot().code;
      // Seat 3 is an attacker at the table; two more attack from the gallery.
      attackers.push(players[2]!);
      attackers.push(await Player.join(server, 'Spectator A', code), await Player.join(server, 'Spectator B', code));
      honest.push([players[0]!, players[1]!]);
      players[0]!.send({ type: 'start' });
    }
    await waitFor('both deals', () => honest.every((players) => players[0]!.snapshot().phase === 'playing'));

    const games = honest.map((players, index) => playToEnd(players, humanPick(`honest-${index}`), 90_000));
    let sent = 0;
    // Waves of noise while the games run.
    for (let wave = 0; wave < 6; wave++) {
      for (const attacker of attackers) sent += attack(attacker, rng);
      await sleep(150);
    }
    await Promise.all(games);

    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(broken).toEqual([]);
    expect(movesChecked).toBeGreaterThan(100);
    for (const players of honest) {
      for (const player of players) {
        expect(player.errors).toEqual([]);
        expect(player.left).toBeNull();
      }
      const final = players[0]!.snapshot();
      expect(final.phase).toBe('gameOver');
      // Replaying the published record gives the same result: noise changed nothing it should not.
      players[0]!.send({ type: 'getRecord' });
      const record = await waitFor('the record', () => players[0]!.records.at(-1));
      const game = findGame(record.gameId)!;
      let state = game.setup({ seed: record.seed, seats: record.seats, options: record.options });
      for (const { seat, move } of record.moves) {
        const result = game.apply(state, seat, move);
        expect(result.ok).toBe(true);
        if (result.ok) state = result.state;
      }
      expect(game.outcome(state)?.scores).toEqual(final.outcome?.scores);
    }
    // Attackers got answers, not disconnects (the rate limit was generous).
    expect(attackers.filter((attacker) => attacker.left !== null)).toEqual([]);
    expect(attackers.reduce((total, attacker) => total + attacker.errors.length, 0)).toBeGreaterThan(5000);
    const health = await fetch(`${server.url}/health`);
    expect(health.ok).toBe(true);
    expect(Object.prototype).not.toHaveProperty('seat');
  }, 120_000);
});
