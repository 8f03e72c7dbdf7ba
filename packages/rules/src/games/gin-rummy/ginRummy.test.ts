import { describe, expect, it } from 'vitest';
import { parseCard, parseCards, suitOf } from '../../cards';
import type { Card } from '../../cards';
import { CommonError } from '../../game';
import { Rng } from '../../rng';
import { ginRummy } from './ginRummy';
import { cardValue } from './melds';
import { GinRummyError, GinRummyPhase, HandResult } from './state';
import type { GinRummyMove, GinRummyState } from './state';
import { ginScenario } from './testing';

const game = ginRummy;
const c = (text: string): Card => parseCard(text)!;

function ok(state: GinRummyState, seat: number, move: unknown): GinRummyState {
  const result = game.apply(state, seat, move as GinRummyMove);
  if (!result.ok) throw new Error(`${JSON.stringify(move)} refused: ${result.error.message}`);
  return result.state;
}

function errorCode(state: GinRummyState, seat: number, move: unknown): string | null {
  const result = game.apply(state, seat, move as GinRummyMove);
  return result.ok ? null : result.error.code;
}

/** Seat 1 to discard from 11 cards: A-2-3S, 4-5-6H, three 9s, 2C and KD (deadwood 12). */
const KNOCKER = 'AS 2S 3S 4H 5H 6H 9C 9D 9S 2C KD';
/** Seat 0: three 5s and J-Q-K of clubs; 7H 8H fit the hearts run, 4S the spades run; JD is stuck. */
const DEFENDER = '7H 8H 4S 5C 5D 5S JC JD QC KC';

function knockScenario(extra: Partial<Parameters<typeof ginScenario>[0]> = {}): GinRummyState {
  return ginScenario({ hands: [DEFENDER, KNOCKER], discard: '3C', phase: GinRummyPhase.Discard, turn: 1, ...extra });
}

describe('gin rummy dealing and turns', () => {
  it('[G-01] deals 10 cards each, turns an upcard, and the non-dealer plays first', () => {
    const state = game.setup({ seed: 'deal', seats: 2, options: game.defaultOptions(2) });
    expect(state.hands.map((hand) => hand.length)).toEqual([10, 10]);
    expect(state.discard).toEqual([state.upcard]);
    expect(state.stock).toHaveLength(31);
    expect(state.dealer).toBe(0);
    expect(game.activeSeats(state)).toEqual([1]);
    expect(game.legalMoves(state, 1)).toEqual([{ type: 'draw', from: 'stock' }, { type: 'draw', from: 'discard' }]);
  });

  it('[G-01] the deal alternates, also after a dead hand', () => {
    let state = ginScenario({ hands: [DEFENDER, '2H 3H 4H 6C 7C 8C 10S JS QS KS AD'], discard: '3C', stock: '2D 3D', phase: GinRummyPhase.Discard });
    state = ok(state, 1, { type: 'discard', card: c('AD') });
    expect(state.result).toBe(HandResult.Dead);
    state = ok(ok(state, 0, { type: 'continue' }), 1, { type: 'continue' });
    expect(state.dealer).toBe(1);
    expect(game.activeSeats(state)).toEqual([0]);
  });

  it('[G-06] [G-07] a turn is a draw, then a discard that passes the turn', () => {
    let state = game.setup({ seed: 'turn', seats: 2, options: game.defaultOptions(2) });
    const drawn = state.stock.at(-1)!;
    expect(errorCode(state, 1, { type: 'discard', card: state.hands[1]![0] })).toBe(CommonError.WrongPhase);
    state = ok(state, 1, { type: 'draw', from: 'stock' });
    expect(state.hands[1]).toContain(drawn);
    expect(state.hands[1]).toHaveLength(11);
    expect(errorCode(state, 1, { type: 'draw', from: 'stock' })).toBe(CommonError.WrongPhase);
    state = ok(state, 1, { type: 'discard', card: drawn });
    expect(state.discard.at(-1)).toBe(drawn);
    expect(game.activeSeats(state)).toEqual([0]);
  });

  it('[G-08] the card just taken from the discard pile cannot be thrown back this turn', () => {
    let state = ginScenario({ hands: [DEFENDER, 'AS 2S 3S 4H 5H 6H 9C 9D 9S 2C'], discard: 'KD' });
    state = ok(state, 1, { type: 'draw', from: 'discard' });
    expect(errorCode(state, 1, { type: 'discard', card: c('KD') })).toBe(GinRummyError.CannotDiscardTaken);
    expect(errorCode(state, 1, { type: 'knock', card: c('KD') })).toBe(GinRummyError.CannotDiscardTaken);
    expect(game.legalMoves(state, 1).some((move) => 'card' in move && move.card === c('KD'))).toBe(false);
    // It may be thrown on a later turn.
    state = ok(state, 1, { type: 'discard', card: c('2C') });
    expect(state.lastTaken).toBe(-1);
  });
});

describe('gin rummy knocking and scoring', () => {
  it('[G-09] knocking needs deadwood of 10 or less, more than none', () => {
    const state = knockScenario();
    expect(errorCode(state, 1, { type: 'knock', card: c('AS') })).toBe(GinRummyError.DeadwoodTooHigh);
    const knocks = game.legalMoves(state, 1).filter((move) => move.type === 'knock').map((move) => (move as { card: Card }).card);
    expect(knocks.sort((a, b) => a - b)).toEqual([c('2C'), c('KD')].sort((a, b) => a - b));
    expect(game.legalMoves(state, 1).some((move) => move.type === 'gin' || move.type === 'bigGin')).toBe(false);
    const knocked = ok(state, 1, { type: 'knock', card: c('KD') });
    expect(knocked.phase).toBe(GinRummyPhase.Layoff);
    expect(game.activeSeats(knocked)).toEqual([0]);
    expect(knocked.knockerDeadwood).toEqual([c('2C')]);
  });

  it('[G-13] [G-15] [G-16] the defender lays off, then the lower deadwood wins the difference', () => {
    let state = ok(knockScenario(), 1, { type: 'knock', card: c('KD') });
    const hearts = state.knockerMelds.findIndex((meld) => meld.includes(c('5H')));
    const spades = state.knockerMelds.findIndex((meld) => meld.includes(c('AS')));
    expect(errorCode(state, 0, { type: 'layoff', card: c('8H'), meld: hearts })).toBe(GinRummyError.DoesNotFit);
    expect(errorCode(state, 1, { type: 'done' })).toBe(CommonError.NotYourTurn);
    state = ok(state, 0, { type: 'layoff', card: c('7H'), meld: hearts });
    // The run grew, so it takes the 8 now.
    state = ok(state, 0, { type: 'layoff', card: c('8H'), meld: hearts });
    state = ok(state, 0, { type: 'layoff', card: c('4S'), meld: spades });
    expect(state.knockerMelds[hearts]).toEqual(parseCards('4H 5H 6H 7H 8H'));
    state = ok(state, 0, { type: 'done' });
    expect(state.phase).toBe(GinRummyPhase.HandOver);
    // Defender: 5C 5D 5S and JC QC KC melded, JD (10) left; knocker 2C (2).
    expect(state.defenderDeadwood).toEqual([c('JD')]);
    expect(state.result).toBe(HandResult.Knock);
    expect(state.lastHandPoints).toEqual([0, 8]);
    expect(state.points).toEqual([0, 8]);
    expect(state.handsWon).toEqual([0, 1]);
  });

  it('[G-16] an equal or lower defender deadwood undercuts: 25 plus the difference', () => {
    let state = ok(knockScenario(), 1, { type: 'knock', card: c('2C') });
    expect(state.knockerDeadwood).toEqual([c('KD')]);
    const hearts = state.knockerMelds.findIndex((meld) => meld.includes(c('5H')));
    const spades = state.knockerMelds.findIndex((meld) => meld.includes(c('AS')));
    state = ok(state, 0, { type: 'layoff', card: c('7H'), meld: hearts });
    state = ok(state, 0, { type: 'layoff', card: c('8H'), meld: hearts });
    state = ok(state, 0, { type: 'layoff', card: c('4S'), meld: spades });
    state = ok(state, 0, { type: 'done' });
    expect(state.result).toBe(HandResult.Undercut);
    expect(state.lastHandPoints).toEqual([25, 0]);
    expect(state.lastHandWinner).toBe(0);
  });

  it('[G-10] [G-14] [G-17] gin scores 25 plus the defender deadwood, with no layoff', () => {
    const state = ginScenario({ hands: [DEFENDER, 'AS 2S 3S 4S 4H 5H 6H 9C 9D 9S KD'], discard: '3C', phase: GinRummyPhase.Discard });
    expect(errorCode(state, 1, { type: 'knock', card: c('KD') })).toBe(GinRummyError.NotGin);
    expect(errorCode(state, 1, { type: 'gin', card: c('4S') })).toBe(GinRummyError.NotGin);
    const after = ok(state, 1, { type: 'gin', card: c('KD') });
    expect(after.phase).toBe(GinRummyPhase.HandOver);
    expect(after.result).toBe(HandResult.Gin);
    // 7H 8H 4S JD = 29: nothing was laid off.
    expect(after.lastHandPoints).toEqual([0, 54]);
    expect(after.layoffs).toEqual([]);
  });

  it('[G-10] [G-17] big gin: eleven cards melded, no discard, 31 plus the defender deadwood', () => {
    const state = ginScenario({ hands: [DEFENDER, 'AS 2S 3S 4S 4H 5H 6H 9C 9D 9S 9H'], discard: '3C', phase: GinRummyPhase.Discard });
    expect(game.legalMoves(state, 1)).toContainEqual({ type: 'bigGin' });
    expect(errorCode(state, 1, { type: 'bigGin', card: c('9H') })).toBe(CommonError.InvalidMove);
    const after = ok(state, 1, { type: 'bigGin' });
    expect(after.result).toBe(HandResult.BigGin);
    expect(after.lastHandPoints).toEqual([0, 60]);
    expect(after.hands[1]).toHaveLength(11);
    expect(errorCode(knockScenario(), 1, { type: 'bigGin' })).toBe(GinRummyError.NotGin);
  });

  it('[G-11] Oklahoma: the upcard sets the knock limit and a spade doubles the hand', () => {
    const options = { target: 100 as const, oklahoma: true };
    let spades = 0;
    for (let i = 0; i < 40; i++) {
      const state = game.setup({ seed: `ok-${i}`, seats: 2, options });
      expect(state.knockLimit).toBe(cardValue(state.upcard));
      expect(state.multiplier).toBe(suitOf(state.upcard) === 2 ? 2 : 1);
      if (state.multiplier === 2) spades++;
    }
    expect(spades).toBeGreaterThan(0);
    // A limit of 2 forbids the knock with KD left, allows it with 2C left; a spade upcard doubles the 8.
    let state = knockScenario({ knockLimit: 2, multiplier: 2 });
    expect(errorCode(state, 1, { type: 'knock', card: c('2C') })).toBe(GinRummyError.DeadwoodTooHigh);
    state = ok(ok(state, 1, { type: 'knock', card: c('KD') }), 0, { type: 'done' });
    // No layoffs: 7H 8H 4S JD = 29 against 2.
    expect(state.lastHandPoints).toEqual([0, 54]);
  });

  it('[G-12] a discard that leaves two cards in the stock kills the hand: nobody scores, no hand is shown', () => {
    let state = ginScenario({ hands: [DEFENDER, '2H 3H 4H 6C 7C 8C 10S JS QS KS'], discard: '3C', stock: '2D 3D 4D' });
    state = ok(state, 1, { type: 'draw', from: 'stock' });
    expect(state.stock).toHaveLength(2);
    // Knocking is still allowed on this last turn.
    expect(game.legalMoves(state, 1).some((move) => move.type === 'knock')).toBe(true);
    state = ok(state, 1, { type: 'discard', card: c('KS') });
    expect(state.phase).toBe(GinRummyPhase.HandOver);
    expect(state.result).toBe(HandResult.Dead);
    expect(state.lastHandPoints).toEqual([0, 0]);
    expect(game.view(state, 0).public.knockerMelds).toEqual([]);
    expect(game.audit.knownCards(state, 0).has(c('2H'))).toBe(false);
  });

  it('[G-18] [G-19] the target ends the game with line and game bonuses', () => {
    let state = ok(knockScenario({ points: [40, 95], handsWon: [2, 3] }), 1, { type: 'knock', card: c('KD') });
    state = ok(state, 0, { type: 'done' });
    // 29 - 2 = 27 for seat 1: 122 points, 4 hands won; seat 0 keeps 40 points and 2 hands.
    expect(state.points).toEqual([40, 122]);
    expect(state.scores).toEqual([40 + 50, 122 + 100 + 100]);
    expect(game.view(state, 0).public.gameEnding).toBe(true);
    state = ok(state, 1, { type: 'continue' });
    expect(game.outcome(state)).toBeNull();
    state = ok(state, 0, { type: 'continue' });
    expect(game.outcome(state)).toEqual({ scores: [90, 322], winners: [1], ranking: [1, 0] });
    expect(errorCode(state, 0, { type: 'continue' })).toBe(CommonError.GameOver);
  });

  it('[G-19] shutout: the winner doubles when the loser won no hand', () => {
    const state = ok(ok(knockScenario({ points: [0, 95], handsWon: [0, 3] }), 1, { type: 'knock', card: c('KD') }), 0, { type: 'done' });
    expect(state.scores).toEqual([0, (122 + 100 + 100) * 2]);
  });
});

describe('gin rummy information', () => {
  it('[G-21] a card taken from the pile is public while it stays in the taker\'s hand', () => {
    let state = ginScenario({ hands: [DEFENDER, 'AS 2S 3S 4H 5H 6H 9C 9D 9S 2C'], discard: 'KD' });
    state = ok(state, 1, { type: 'draw', from: 'discard' });
    const seen = game.view(state, 0);
    expect(seen.public.taken).toEqual([c('KD')]);
    expect(seen.public.takenBy).toEqual([1]);
    expect(game.view(state, null).public.taken).toEqual([c('KD')]);
    expect(game.audit.knownCards(state, 0).has(c('KD'))).toBe(true);
    expect(game.audit.knownCards(state, 0).has(c('AS'))).toBe(false);
    // Every sample of seat 0 deals the KD to seat 1.
    for (let i = 0; i < 20; i++) {
      const sampled = game.determinize(seen, 0, Rng.fromSeed(`sample-${i}`));
      expect(sampled.hands[1]).toContain(c('KD'));
      expect(sampled.hands[0]).toEqual(state.hands[0]);
      expect(game.audit.invariants(sampled)).toEqual([]);
    }
    // Thrown back, it is just a discard again.
    state = ok(ok(state, 1, { type: 'discard', card: c('2C') }), 0, { type: 'draw', from: 'discard' });
    expect(game.view(state, 1).public.taken).toEqual([c('KD'), c('2C')]);
    expect(game.view(state, 1).public.takenBy).toEqual([1, 0]);
    state = ok(state, 0, { type: 'discard', card: c('JD') });
    state = ok(ok(state, 1, { type: 'draw', from: 'stock' }), 1, { type: 'discard', card: c('KD') });
    expect(game.view(state, 0).public.taken).toEqual([c('2C')]);
  });

  it('[G-21] unseen cards are dealt at random: samples differ where the view says nothing', () => {
    const state = ok(ginScenario({ hands: [DEFENDER, 'AS 2S 3S 4H 5H 6H 9C 9D 9S 2C'], discard: 'KD' }), 1, { type: 'draw', from: 'discard' });
    const hands = new Set<string>();
    for (let i = 0; i < 10; i++) hands.add(JSON.stringify(game.determinize(game.view(state, 0), 0, Rng.fromSeed(`s${i}`)).hands[1]));
    expect(hands.size).toBeGreaterThan(5);
  });

  it('[G-22] the knocker\'s hand is public during the layoff, the defender\'s only at the showdown', () => {
    let state = ok(knockScenario(), 1, { type: 'knock', card: c('KD') });
    const defenderView = game.view(state, 0);
    expect([...defenderView.public.knockerMelds, ...defenderView.public.knockerDeadwood].sort((a, b) => a - b)).toEqual(state.hands[1]);
    expect(game.view(state, 1).public.defenderMelds).toEqual([]);
    expect(game.audit.knownCards(state, 1).has(c('JD'))).toBe(false);
    expect(game.audit.knownCards(state, null).has(c('AS'))).toBe(true);
    // The defender's search deals the knocker exactly its shown hand.
    expect(game.determinize(defenderView, 0, Rng.fromSeed('x')).hands[1]).toEqual(state.hands[1]);
    state = ok(state, 0, { type: 'done' });
    const shown = game.view(state, 1).public;
    expect([...shown.defenderMelds, ...shown.defenderDeadwood].sort((a, b) => a - b)).toEqual(state.hands[0]);
    expect(game.audit.knownCards(state, 1).has(c('JD'))).toBe(true);
  });

  it('[G-23] bad input is refused with a code and a sentence', () => {
    const state = knockScenario();
    const cases: [number, unknown, string][] = [
      [1, null, CommonError.InvalidMove],
      [1, { type: 'shuffle' }, CommonError.InvalidMove],
      [1, { type: 'discard', card: 99 }, CommonError.InvalidMove],
      [1, { type: 'discard', card: c('JD') }, CommonError.CardNotInHand],
      [1, { type: 'discard', card: c('KD'), suit: 1 }, CommonError.InvalidMove],
      [0, { type: 'discard', card: c('JD') }, CommonError.NotYourTurn],
      [2, { type: 'discard', card: c('KD') }, CommonError.NotYourTurn],
      [1, { type: 'draw', from: 'deck' }, CommonError.InvalidMove],
      [1, { type: 'layoff', card: c('KD'), meld: 0 }, CommonError.WrongPhase],
      [1, { type: 'done' }, CommonError.WrongPhase],
      [1, { type: 'continue' }, CommonError.WrongPhase],
    ];
    for (const [seat, move, code] of cases) {
      const result = game.apply(state, seat, move as GinRummyMove);
      expect(result.ok ? null : result.error.code, JSON.stringify(move)).toBe(code);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('[G-05] the client shows the same knock and gin buttons the server allows', () => {
    const state = knockScenario();
    const view = game.view(state, 1);
    expect(game.legalMovesInView(view)).toEqual(game.legalMoves(state, 1));
    expect(game.moveErrorInView(view, { type: 'knock', card: c('AS') })?.code).toBe(GinRummyError.DeadwoodTooHigh);
    expect(game.moveErrorInView(view, { type: 'knock', card: c('KD') })).toBeNull();
  });
});
