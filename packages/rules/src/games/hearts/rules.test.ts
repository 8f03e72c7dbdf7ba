import { describe, expect, it } from 'vitest';
import { parseCard, parseCards } from '../../cards';
import type { Card } from '../../cards';
import { hearts } from './hearts';
import type { HeartsEvent, HeartsMove, HeartsState } from './state';
import { heartsTable } from './testing';

const c = (text: string): Card => parseCard(text)!;
const play = (card: string): HeartsMove => ({ type: 'play', card: c(card) });

/** Applies moves that must be legal, returning the final state and every event. */
function run(state: HeartsState, moves: readonly [number, HeartsMove][]): { state: HeartsState; events: HeartsEvent[] } {
  const events: HeartsEvent[] = [];
  for (const [seat, move] of moves) {
    const result = hearts.apply(state, seat, move);
    if (!result.ok) throw new Error(`seat ${seat} ${JSON.stringify(move)}: ${result.error.message}`);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

function errorCode(state: HeartsState, seat: number, move: HeartsMove): string | null {
  const result = hearts.apply(state, seat, move);
  return result.ok ? null : result.error.code;
}

/** A full first-trick deal: seat 1 holds only points (the QS and twelve hearts). */
const FIRST_TRICK = heartsTable({
  hands: [
    '2C 3C 4C 5C 6C 7C 8C 9C 10C JC QC KC AC',
    'QS 2H 3H 4H 5H 6H 7H 8H 9H 10H JH QH KH',
    'AH 2D 3D 4D 5D 6D 7D 8D 9D 10D JD QD KD',
    'AD 2S 3S 4S 5S 6S 7S 8S 9S 10S JS KS AS',
  ],
});

/** The last trick of a hand: seat 0 took every other card, the QS and twelve hearts with them. */
function lastTrick(options: Parameters<typeof heartsTable>[0]['options'] = {}, scores = [10, 20, 30, 40]): HeartsState {
  return heartsTable({ hands: ['AH', '2C', '3C', '4C'], leader: 0, takenBy: 0, heartsBroken: true, options, scores });
}

describe('hearts rules', () => {
  it('[H-05] the first trick must be led with the two of clubs', () => {
    expect(errorCode(FIRST_TRICK, 0, play('3C'))).toBe('MUST_LEAD_TWO_OF_CLUBS');
    expect(hearts.legalMoves(FIRST_TRICK, 0)).toEqual([play('2C')]);
    expect(errorCode(FIRST_TRICK, 1, play('QS'))).toBe('NOT_YOUR_TURN');
  });

  it('[H-07] a hand of only hearts and the queen of spades may play any card on the first trick', () => {
    const { state } = run(FIRST_TRICK, [[0, play('2C')]]);
    expect(hearts.legalMoves(state, 1)).toHaveLength(13);
    expect(errorCode(state, 1, play('QS'))).toBeNull();
    expect(errorCode(state, 1, play('KH'))).toBeNull();
  });

  it('[H-07] a void hand holding a non-point card may not play points on the first trick', () => {
    const { state } = run(FIRST_TRICK, [[0, play('2C')], [1, play('5H')]]);
    const refused = hearts.apply(state, 2, play('AH'));
    expect(refused.ok ? null : refused.error).toEqual({
      code: 'NO_POINTS_ON_FIRST_TRICK',
      message: 'You cannot play the Ace of hearts on the first trick.',
    });
    expect(hearts.legalMoves(state, 2).map((m) => (m.type === 'play' ? m.card : -1))).toEqual(parseCards('2D 3D 4D 5D 6D 7D 8D 9D 10D JD QD KD'));
  });

  it('[H-06] a player must follow suit when able, and is told why', () => {
    const state = heartsTable({ hands: ['3C 4D', '5C 6D', '7C 8D', '9C 10D'], leader: 0, tricksPlayed: 11 });
    const { state: led } = run(state, [[0, play('3C')]]);
    const refused = hearts.apply(led, 1, play('6D'));
    expect(refused.ok ? null : refused.error).toEqual({ code: 'MUST_FOLLOW_SUIT', message: 'You must follow suit: you hold clubs.' });
    expect(errorCode(led, 1, play('2H'))).toBe('CARD_NOT_IN_HAND');
  });

  it('[H-09] [H-13] the highest card of the led suit wins and leads next; off-suit cards never win and show a void', () => {
    const state = heartsTable({ hands: ['3C 4D', 'AD 6D', '7C 8D', '9C 10D'], leader: 0, tricksPlayed: 11 });
    const { state: after, events } = run(state, [[0, play('3C')], [1, play('AD')], [2, play('7C')], [3, play('9C')]]);
    expect(events).toContainEqual({ type: 'trickWon', seat: 3, points: 0 });
    expect(hearts.activeSeats(after)).toEqual([3]);
    expect(hearts.view(after, null).public.lastTrickWinner).toBe(3);
    expect(hearts.view(after, null).public.voids).toEqual([0, 1, 0, 0]);
  });

  it('[H-08] hearts cannot be led until broken, unless the hand holds only hearts', () => {
    const state = heartsTable({ hands: ['3C 4H 5H', 'QS 2D 3D', '4C 6H 7H', '5C 8H 9H'], leader: 0, tricksPlayed: 10 });
    expect(errorCode(state, 0, play('4H'))).toBe('HEARTS_NOT_BROKEN');
    const allHearts = heartsTable({ hands: ['3C 4C 5C', 'QS 2D 3D', '6C 6H 7H', '8H 9H 10H'], leader: 3, tricksPlayed: 10 });
    expect(errorCode(allHearts, 3, play('8H'))).toBeNull();
  });

  it('[H-08] hearts are broken by a queen-of-spades discard', () => {
    const state = heartsTable({ hands: ['3C 4H 5H', 'QS 2D 3D', '4C 6H 7H', '5C 8H 9H'], leader: 0, tricksPlayed: 10 });
    const { state: after, events } = run(state, [[0, play('3C')], [1, play('QS')], [2, play('4C')], [3, play('5C')]]);
    expect(events).toContainEqual({ type: 'heartsBroken', seat: 1, card: c('QS') });
    expect(events).toContainEqual({ type: 'trickWon', seat: 3, points: 13 });
    expect(hearts.view(after, 3).public.heartsBroken).toBe(true);
    expect(errorCode(after, 3, play('8H'))).toBeNull();
  });

  it('[H-11] hearts score 1 each and the queen of spades 13', () => {
    const state = heartsTable({ hands: ['2D', 'JD', '3D', '2H'], leader: 0, takenBy: 2, heartsBroken: true });
    const { state: after, events } = run(state, [[0, play('2D')], [1, play('JD')], [2, play('3D')], [3, play('2H')]]);
    expect(events).toContainEqual({ type: 'handScored', points: [0, 1, 25, 0], moonShooter: -1 });
    expect(after.phase).toBe('handOver');
    expect(hearts.view(after, null).public.lastHandPoints).toEqual([0, 1, 25, 0]);
  });

  it('[H-11] jack-of-diamonds variant: whoever takes the jack scores -10', () => {
    const state = heartsTable({ hands: ['2D', 'JD', '3D', '2H'], leader: 0, takenBy: 2, heartsBroken: true, options: { jackOfDiamonds: true } });
    const { state: after } = run(state, [[0, play('2D')], [1, play('JD')], [2, play('3D')], [3, play('2H')]]);
    expect(hearts.view(after, null).public.lastHandPoints).toEqual([0, -9, 25, 0]);
    expect(hearts.scores(after)).toEqual([0, -9, 25, 0]);
  });

  it('[H-12] shooting the moon gives every other player 26', () => {
    const { state, events } = run(lastTrick(), [[0, play('AH')], [1, play('2C')], [2, play('3C')], [3, play('4C')]]);
    expect(events).toContainEqual({ type: 'handScored', points: [0, 26, 26, 26], moonShooter: 0 });
    expect(hearts.scores(state)).toEqual([10, 46, 56, 66]);
    expect(hearts.view(state, 2).public.moonShooter).toBe(0);
  });

  it('[H-12] moonSubtract variant: the shooter scores -26 instead', () => {
    const { state } = run(lastTrick({ moonSubtract: true }), [[0, play('AH')], [1, play('2C')], [2, play('3C')], [3, play('4C')]]);
    expect(hearts.view(state, null).public.lastHandPoints).toEqual([-26, 0, 0, 0]);
    expect(hearts.scores(state)).toEqual([-16, 20, 30, 40]);
  });

  it('[H-12] the moon with the jack of diamonds still counts the jack for the shooter', () => {
    const { state } = run(lastTrick({ jackOfDiamonds: true }), [[0, play('AH')], [1, play('2C')], [2, play('3C')], [3, play('4C')]]);
    expect(hearts.view(state, null).public.lastHandPoints).toEqual([-10, 26, 26, 26]);
  });

  it('[H-14] [H-15] the game ends at the target after everyone continues; a tie for lowest shares the win', () => {
    const state = heartsTable({ hands: ['2D', 'JD', '3D', '2H'], leader: 0, takenBy: 2, heartsBroken: true, scores: [80, 79, 90, 80] });
    const { state: over } = run(state, [[0, play('2D')], [1, play('JD')], [2, play('3D')], [3, play('2H')]]);
    expect(hearts.scores(over)).toEqual([80, 80, 115, 80]);
    expect(hearts.view(over, null).public.gameEnding).toBe(true);
    expect(hearts.outcome(over)).toBeNull();
    expect(hearts.activeSeats(over)).toEqual([0, 1, 2, 3]);
    const { state: end, events } = run(over, [0, 1, 2, 3].map((seat) => [seat, { type: 'continue' }] as [number, HeartsMove]));
    expect(events).toContainEqual({ type: 'gameOver', winners: [0, 1, 3] });
    expect(hearts.outcome(end)).toEqual({ scores: [80, 80, 115, 80], winners: [0, 1, 3], ranking: [0, 1, 3, 2] });
    expect(hearts.activeSeats(end)).toEqual([]);
    expect(errorCode(end, 0, { type: 'continue' })).toBe('GAME_OVER');
  });

  it('[H-14] below the target, continuing deals the next hand', () => {
    const { state: scored } = run(lastTrick(), [[0, play('AH')], [1, play('2C')], [2, play('3C')], [3, play('4C')]]);
    const { state, events } = run(scored, [0, 1, 2, 3].map((seat) => [seat, { type: 'continue' }] as [number, HeartsMove]));
    expect(events).toContainEqual({ type: 'handDealt', handNumber: 5, passDirection: 'left' });
    expect(state.phase).toBe('passing');
    expect(hearts.view(state, null).public.handCounts).toEqual([13, 13, 13, 13]);
    expect(hearts.scores(state)).toEqual([10, 46, 56, 66]);
  });
});

describe('passing', () => {
  const fresh = (): HeartsState => hearts.setup({ seed: 'pass', seats: 4, options: hearts.defaultOptions(4) });

  it('[H-03] a pass needs exactly three different cards from the hand, and only in the passing phase', () => {
    const state = fresh();
    const hand = state.hands[0]!;
    expect(errorCode(state, 0, { type: 'pass', cards: [hand[0]!, hand[1]!] })).toBe('MUST_PASS_THREE');
    expect(errorCode(state, 0, { type: 'pass', cards: [hand[0]!, hand[0]!, hand[1]!] })).toBe('MUST_PASS_THREE');
    expect(errorCode(state, 0, { type: 'pass', cards: [hand[0]!, hand[1]!, state.hands[1]![0]!] })).toBe('CARD_NOT_IN_HAND');
    expect(errorCode(state, 0, play(hand[0] === c('2C') ? '2C' : '3C'))).toBe('WRONG_PHASE');
    expect(hearts.legalMoves(state, 0)).toHaveLength(286);
  });

  it('[H-03] the pass direction cycles left, right, across, hold over four hands', () => {
    const pick = { i: 0 };
    let state = fresh();
    const seen: string[] = [];
    while (state.handNumber <= 5 && hearts.outcome(state) === null) {
      const pub = hearts.view(state, null).public;
      if (seen.length < pub.handNumber) {
        seen.push(pub.passDirection);
        expect(pub.phase).toBe(pub.passDirection === 'none' ? 'playing' : 'passing');
      }
      const seat = hearts.activeSeats(state)[0]!;
      const moves = hearts.legalMoves(state, seat);
      state = run(state, [[seat, moves[pick.i++ % moves.length]!]]).state;
    }
    expect(seen).toEqual(['left', 'right', 'across', 'none', 'left']);
  });

  it('[H-04] passed cards reach nobody until all four have passed, and only the receiver learns them', () => {
    let state = fresh();
    const given = state.hands[0]!.slice(0, 3);
    const first = hearts.apply(state, 0, { type: 'pass', cards: given });
    if (!first.ok) throw new Error(first.error.message);
    expect(JSON.stringify(first.events)).not.toContain('cards');
    state = first.state;
    const pub = hearts.view(state, 2).public;
    expect(pub.passedSeats).toEqual([true, false, false, false]);
    expect(pub.active).toEqual([1, 2, 3]);
    expect(pub.handCounts).toEqual([10, 13, 13, 13]);
    expect(errorCode(state, 0, { type: 'pass', cards: state.hands[0]!.slice(0, 3) })).toBe('NOT_YOUR_TURN');
    for (const seat of [1, 2, 3, null]) {
      expect(hearts.audit.cardsInView(hearts.view(state, seat)).filter((card) => given.includes(card))).toEqual([]);
    }
    expect(hearts.view(state, 0).private!.passed).toEqual([...given].sort((a, b) => a - b));
    expect(hearts.view(state, 1).private!.received).toEqual([]);

    for (const seat of [1, 2, 3]) state = run(state, [[seat, { type: 'pass', cards: state.hands[seat]!.slice(0, 3) }]]).state;
    expect(state.phase).toBe('playing');
    // Hand 1 passes left: seat 0's cards go to seat 1 and nobody else sees them.
    expect(hearts.view(state, 1).private!.received).toEqual([...given].sort((a, b) => a - b));
    for (const card of given) expect(state.hands[1]).toContain(card);
    for (const seat of [2, 3, null]) {
      expect(hearts.audit.cardsInView(hearts.view(state, seat)).filter((card) => given.includes(card))).toEqual([]);
    }
    expect(hearts.view(state, null).public.handCounts).toEqual([13, 13, 13, 13]);
    expect(hearts.activeSeats(state)).toEqual([state.hands.findIndex((h) => h.includes(c('2C')))]);
  });
});
