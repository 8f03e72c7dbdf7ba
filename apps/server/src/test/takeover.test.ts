/**
 * Issue 11, point 1: the same identity opens the table in a second tab (join
 * by code, as the web does) on its own turn and plays from that tab's first
 * decoded state. The new tab's hand must be the seat's real hand at every
 * patch: the count the public board shows and the hand the rules give that
 * seat after the same moves (the server's record, seen through its observer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, Limits, ownHandDisagrees } from '@deckhand/protocol';
import { Rng, findGame } from '@deckhand/rules';
import type { MoveBase } from '@deckhand/rules';
import type { ObservedMove } from '../table/types';
import { Player, bootServer, seatedTable, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

/** Full rules states of each table: index 0 is the deal, i is after move i. */
const histories = new Map<string, unknown[]>();

let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25761, {}, {
    observer: {
      onDeal: (table, _game, state) => histories.set(table, [state]),
      onMove: (table, record: ObservedMove) => histories.get(table)!.push(record.state),
    },
  });
});
afterAll(async () => {
  await server.shutdown();
});

/** Checks a tab's decoded hand at every patch; returns the list of disagreements found. */
function watchHand(tab: Player, code: string, problems: string[]): void {
  tab.onPatch(() => {
    const snapshot = tab.snapshot();
    if (snapshot.phase !== 'playing' || snapshot.mySeat === null || snapshot.mine === null) return;
    const game = tab.game();
    const seat = snapshot.mySeat;
    const hand = snapshot.mine['hand'] as number[];
    const count = (snapshot.board['handCounts'] as number[])[seat];
    const state = histories.get(code)?.[snapshot.moveNumber];
    const expected = state === undefined ? undefined : (game.view(state, seat).private as { hand: number[] }).hand;
    if (hand.length !== count) problems.push(`move ${snapshot.moveNumber}: ${hand.length} cards decoded, the board counts ${count}`);
    if (expected && JSON.stringify([...hand].sort()) !== JSON.stringify([...expected].sort())) {
      problems.push(`move ${snapshot.moveNumber}: decoded ${hand.join(',')} but the seat holds ${expected.join(',')}`);
    }
  });
}

async function takeOverRepeatedly(gameId: string, options: Record<string, unknown>, seed: string, takeovers: number): Promise<{ problems: string[]; done: number; refused: string[] }> {
  const rng = Rng.fromSeed(seed);
  const [host] = (await seatedTable(server, gameId, 1, { seats: 4, gameOptions: options })) as [Player];
  const code = host.snapshot().code;
  const problems: string[] = [];
  const refused: string[] = [];
  host.send({ type: 'start' });
  let tab = host;
  let done = 0;
  while (done < takeovers) {
    await waitFor('the human to act', () => tab.snapshot().phase === 'gameOver' || tab.legalMoves().length > 0, 20_000);
    if (tab.snapshot().phase === 'gameOver') break;
    const plays = tab.legalMoves().filter((move) => move.type === 'play');
    if (plays.length === 0) {
      // A pass or a continue: not the reported case; play it from the current tab.
      const before = tab.snapshot().moveNumber;
      const errors = tab.errors.length;
      tab.send({ type: 'move', move: tab.legalMoves()[0]! });
      await waitFor('the move', () => tab.snapshot().moveNumber > before || tab.errors.length > errors);
      // Between hands the client may offer a step the server already took: wait for the next move instead.
      if (tab.errors.length > errors) await waitFor('the table to move on', () => tab.snapshot().moveNumber > before);
      continue;
    }
    const next = new Player(server, host.identity);
    await next.joinAgain(code);
    watchHand(next, code, problems);
    await waitFor('the old tab closed', () => tab.left);
    tab = next;
    done++;
    // At once, or after a pause, as a person would.
    const pause = rng.pick([0, 0, 30, 150]);
    if (pause > 0) await sleep(pause);
    const moves: MoveBase[] = tab.legalMoves().filter((move) => move.type === 'play');
    if (moves.length === 0) {
      problems.push(`takeover ${done}: the new tab's hand offers no legal play on its turn`);
      break;
    }
    const before = tab.snapshot().moveNumber;
    const errors = tab.errors.length;
    tab.send({ type: 'move', move: rng.pick(moves) });
    await waitFor('the answer', () => tab.snapshot().moveNumber > before || tab.errors.length > errors);
    if (tab.errors.length > errors) {
      refused.push(`${tab.errors[errors]!.code}: ${tab.errors[errors]!.message}`);
      break;
    }
    // Let the bots answer so the next check sees their patches too.
    await sleep(5);
  }
  await tab.leave();
  return { problems, done, refused };
}

describe('a second tab taking over on its own turn', () => {
  it.each([
    ['hearts', { target: 100 }],
    ['crazy-eights', { target: 200, drawRule: 'drawOne' }],
  ])('[T-01] %s: the new tab decodes the seat\'s real hand and its plays are accepted, 25 takeovers', async (gameId, options) => {
    expect(findGame(gameId)).toBeDefined();
    const result = await takeOverRepeatedly(gameId, options, `takeover-${gameId}`, 25);
    expect(result.problems).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.done).toBeGreaterThanOrEqual(15);
    expect(result.problems).toEqual([]);
    expect(result.refused).toEqual([]);
  }, 120_000);
});

/** The hand the rules give `seat` at the table's latest move. */
function rulesHand(player: Player, seat: number): number[] {
  const history = histories.get(player.snapshot().code)!;
  const state = history[history.length - 1];
  return (player.game().view(state, seat).private as { hand: number[] }).hand;
}

describe('a client that cannot play never sticks the table', () => {
  it('[T-02] a client whose decoded hand disagrees with the board asks for a fresh one and gets the seat\'s real hand', async () => {
    const [host] = (await seatedTable(server, 'crazy-eights', 1, { seats: 4, gameOptions: { target: 200 } })) as [Player];
    host.send({ type: 'start' });
    await waitFor('the human to act', () => host.legalMoves().length > 0);
    // Spoil the decoded hand the way the stale second tab did: one card too many.
    const hands = (host.room.state as { hands: Map<string, { live: number[]; liveKey: string }> }).hands;
    const own = [...hands.values()][0]!;
    expect(own.liveKey).toBe('hand');
    const decoded = own.live;
    const extra = [...Array(52).keys()].find((card) => !decoded.includes(card))!;
    decoded.push(extra);
    expect(ownHandDisagrees(host.snapshot())).toBe(true);

    const patches = host.patches;
    host.send({ type: 'resync' });
    await waitFor('a fresh hand', () => host.patches > patches && !ownHandDisagrees(host.snapshot()));
    expect([...(host.snapshot().mine!['hand'] as number[])].sort()).toEqual([...rulesHand(host, 0)].sort());
    expect(host.errors).toEqual([]);
    // Asking again at once is refused with a reason; the hand stays right and plays are accepted.
    expect((await host.sendAndWaitError({ type: 'resync' })).code).toBe(ErrorCode.RateLimited);
    const before = host.snapshot().moveNumber;
    host.send({ type: 'move', move: host.legalMoves()[0]! });
    await waitFor('the move accepted', () => host.snapshot().moveNumber > before);
    expect(host.errors).toHaveLength(1);
    await host.leave();
  });

  it(`[T-03] with the turn timer off, ${Limits.refusalsBeforeAway} refused moves in a row make the seat away and the server plays it`, async () => {
    const [host] = (await seatedTable(server, 'crazy-eights', 1, { seats: 4, gameOptions: { target: 200 } })) as [Player];
    host.send({ type: 'start' });
    await waitFor('the human to act', () => host.legalMoves().length > 0);
    const moveNumber = host.snapshot().moveNumber;
    const hand = host.snapshot().mine!['hand'] as number[];
    const notHeld = [...Array(52).keys()].find((card) => !hand.includes(card))!;
    for (let attempt = 1; attempt <= Limits.refusalsBeforeAway; attempt++) {
      const error = await host.sendAndWaitError({ type: 'move', move: { type: 'play', card: notHeld } });
      expect(error.code).not.toBe(ErrorCode.RateLimited);
    }
    await waitFor('the seat played for', () => host.events.some((event) => event.seat === 0 && event.by === 'away'));
    expect(host.snapshot().seats[0]!.away).toBe(true);
    expect(host.snapshot().moveNumber).toBeGreaterThan(moveNumber);
    expect(host.messages.some((message) => message.type === 'notice' && /seems stuck/.test(message.text))).toBe(true);
    // More refused moves do not bring the seat back; only an accepted one would.
    await host.sendAndWaitError({ type: 'move', move: { type: 'play', card: notHeld } });
    await sleep(30);
    expect(host.snapshot().seats[0]!.away).toBe(true);
    await host.leave();
  });

  it('[T-04] fewer refusals than the limit, an accepted move between, leave the seat to its player', async () => {
    const [host] = (await seatedTable(server, 'crazy-eights', 1, { seats: 4, gameOptions: { target: 200 } })) as [Player];
    host.send({ type: 'start' });
    await waitFor('the human to act', () => host.legalMoves().length > 0);
    const hand = host.snapshot().mine!['hand'] as number[];
    const notHeld = [...Array(52).keys()].find((card) => !hand.includes(card))!;
    for (let attempt = 1; attempt < Limits.refusalsBeforeAway; attempt++) {
      await host.sendAndWaitError({ type: 'move', move: { type: 'play', card: notHeld } });
    }
    // A good move resets the count.
    const before = host.snapshot().moveNumber;
    host.send({ type: 'move', move: host.legalMoves()[0]! });
    await waitFor('the move accepted', () => host.snapshot().moveNumber > before);
    await waitFor('the human to act again', () => host.legalMoves().length > 0);
    await host.sendAndWaitError({ type: 'move', move: { type: 'play', card: notHeld } });
    await sleep(50);
    expect(host.snapshot().seats[0]!.away).toBe(false);
    expect(host.events.some((event) => event.by === 'away')).toBe(false);
    await host.leave();
  });
});
