import { describe, expect, it } from 'vitest';
import { formatCard, parseCard } from '../../cards';
import type { Card } from '../../cards';
import { CommonError } from '../../game';
import type { ApplyResult } from '../../game';
import { spades } from './spades';
import { SpadesError, SpadesPhase } from './rules';
import type { SpadesEvent, SpadesMove, SpadesState } from './rules';
import { spadesTable } from './testing';

/** A card code from its short name. */
const code = (name: string): Card => parseCard(name)!;

function ok(result: ApplyResult<SpadesState, SpadesEvent>): SpadesState {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.state;
}

function play(state: SpadesState, seat: number, card: string): ApplyResult<SpadesState, SpadesEvent> {
  return spades.apply(state, seat, { type: 'play', card: code(card) });
}

function bidAll(state: SpadesState, bids: readonly number[]): SpadesState {
  let next = state;
  for (let i = 0; i < 4; i++) {
    const seat = spades.activeSeats(next)[0]!;
    next = ok(spades.apply(next, seat, { type: 'bid', tricks: bids[seat]! }));
  }
  return next;
}

const names = (cards: readonly Card[]) => cards.map(formatCard);

describe('Spades rules', () => {
  it('[S-01] partners sit across the table and carry one score', () => {
    expect(spades.teams?.(4)).toEqual([[0, 2], [1, 3]]);
    const state = spadesTable({ hands: ['AS', '2C', '3C', '4C'], bids: [1, 1, 1, 1], scores: [120, -40], leader: 0 });
    expect(spades.scores(state)).toEqual([120, -40, 120, -40]);
    expect(spades.view(state, 1).public.sideScores).toEqual([120, -40]);
  });

  it('[S-02] deals 13 cards each; hand 1 is dealt by seat 3 so seat 0 bids first, and the deal moves left', () => {
    let state = spades.setup({ seed: 's-02', seats: 4, options: spades.defaultOptions(4) });
    expect(state.hands.map((hand) => hand.length)).toEqual([13, 13, 13, 13]);
    expect(new Set(state.hands.flat()).size).toBe(52);
    expect(state.dealer).toBe(3);
    expect(spades.activeSeats(state)).toEqual([0]);
    while (state.phase !== SpadesPhase.HandOver) {
      const seat = spades.activeSeats(state)[0]!;
      state = ok(spades.apply(state, seat, spades.legalMoves(state, seat)[0]!));
    }
    for (let seat = 0; seat < 4; seat++) state = ok(spades.apply(state, seat, { type: 'continue' }));
    expect(state.handNumber).toBe(2);
    expect(state.dealer).toBe(0);
    expect(spades.activeSeats(state)).toEqual([1]);
  });

  it('[S-03] plays to 500 or 300, blind nil off unless chosen; other values are refused with the reason', () => {
    expect(spades.defaultOptions(4)).toEqual({ target: 500, blindNil: false });
    expect(spades.parseOptions({ target: 300, blindNil: true }, 4)).toEqual({ ok: true, value: { target: 300, blindNil: true } });
    const bad = spades.parseOptions({ target: 400 }, 4);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.problems).toEqual(['target must be one of 500, 300 (got 400)']);
  });

  it('[S-04] each player bids once, 0 to 13, in turn from the dealer\'s left; then that player leads', () => {
    const state = spades.setup({ seed: 's-04', seats: 4, options: spades.defaultOptions(4) });
    expect(spades.legalMoves(state, 0)).toEqual(Array.from({ length: 14 }, (_, tricks) => ({ type: 'bid', tricks })));
    expect(spades.legalMoves(state, 1)).toEqual([]);
    const early = spades.apply(state, 1, { type: 'bid', tricks: 3 });
    expect(early.ok || early.error.code).toBe(CommonError.NotYourTurn);
    for (const tricks of [14, -1, 2.5, '3']) {
      const bad = spades.apply(state, 0, { type: 'bid', tricks } as unknown as SpadesMove);
      expect(bad.ok || bad.error.code).toBe(SpadesError.BadBid);
    }
    const card = state.hands[0]![0]!;
    const tooSoon = spades.apply(state, 0, { type: 'play', card });
    expect(tooSoon.ok || tooSoon.error.code).toBe(CommonError.WrongPhase);
    const after = bidAll(state, [3, 4, 2, 1]);
    expect(after.phase).toBe(SpadesPhase.Playing);
    expect(after.bids).toEqual([3, 4, 2, 1]);
    expect(spades.activeSeats(after)).toEqual([0]);
    expect(spades.view(after, null).public.bids).toEqual([3, 4, 2, 1]);
  });

  it('[S-05] nil is a bid of 0 the table sees as such', () => {
    const state = bidAll(spades.setup({ seed: 's-05', seats: 4, options: spades.defaultOptions(4) }), [0, 4, 5, 3]);
    expect(spades.view(state, 2).public.bids[0]).toBe(0);
    expect(spades.view(state, 2).public.blindNil[0]).toBe(false);
  });

  describe('[S-06] blind nil', () => {
    it('a player whose side trails by 100 sees no cards until choosing blind nil or looking', () => {
      const state = spades.setup({ seed: 's-06', seats: 4, options: { target: 500, blindNil: true } });
      const behind: SpadesState = { ...state, scores: [0, 150], looked: [false, true, false, true] };
      expect(spades.view(behind, 0).private?.hand).toEqual([]);
      expect(spades.view(behind, 0).private?.canBlindNil).toBe(true);
      expect(spades.view(behind, 1).private?.hand).toHaveLength(13);
      expect(spades.legalMoves(behind, 0)).toEqual([{ type: 'blindNil' }, { type: 'look' }]);
      const blindBid = spades.apply(behind, 0, { type: 'bid', tricks: 0 });
      expect(blindBid.ok || blindBid.error.code).toBe(SpadesError.LookFirst);

      const blind = ok(spades.apply(behind, 0, { type: 'blindNil' }));
      expect(blind.bids[0]).toBe(0);
      expect(blind.blind[0]).toBe(true);
      expect(spades.view(blind, 0).private?.hand).toHaveLength(13);
      expect(spades.view(blind, 3).public.blindNil).toEqual([true, false, false, false]);

      const looked = ok(spades.apply(behind, 0, { type: 'look' }));
      expect(spades.view(looked, 0).private?.hand).toHaveLength(13);
      expect(spades.legalMoves(looked, 0)).toHaveLength(14);
      expect(spades.legalMoves(looked, 0).some((move) => move.type === 'blindNil')).toBe(false);
    });

    it('a side that is not 100 behind, or a table without the option, is never offered it', () => {
      const level = spadesTable({ hands: ['AS', '2C', '3C', '4C'], options: { blindNil: true }, scores: [60, 150] });
      expect(spades.legalMoves(level, 0).some((move) => move.type === 'blindNil')).toBe(false);
      const refused = spades.apply(level, 0, { type: 'blindNil' });
      expect(refused.ok || refused.error.code).toBe(SpadesError.BlindNilNotAllowed);
      const off = spades.setup({ seed: 'x', seats: 4, options: { target: 500, blindNil: false } });
      expect(spades.apply({ ...off, scores: [0, 300] }, 0, { type: 'blindNil' }).ok).toBe(false);
      const dealt = spades.setup({ seed: 'y', seats: 4, options: { target: 500, blindNil: true } });
      expect(dealt.looked).toEqual([true, true, true, true]);
    });

    it('the next deal leaves the trailing side\'s cards face down, and a blind nil scores 200', () => {
      let state = spadesTable({ hands: ['AS', '2C', '3C', '4C'], bids: [1, 1, 1, 1], scores: [0, 200], options: { blindNil: true }, spadesBroken: true, leader: 0, takenBy: 1 });
      for (const [seat, card] of [[0, 'AS'], [1, '2C'], [2, '3C'], [3, '4C']] as const) state = ok(play(state, seat, card));
      for (let seat = 0; seat < 4; seat++) state = ok(spades.apply(state, seat, { type: 'continue' }));
      expect(state.scores[1]! - state.scores[0]!).toBeGreaterThanOrEqual(100);
      expect(state.looked).toEqual([false, true, false, true]);
      expect(spades.view(state, 2).private?.hand).toEqual([]);
      expect(spades.view(state, 1).public.looked).toEqual([false, true, false, true]);
    });
  });

  describe('[S-07] play', () => {
    const hands: [string, string, string, string] = ['AH 2S', 'KH 3D', '5H 4S', '2H 9C'];

    it('must follow the led suit when able', () => {
      const state = ok(play(spadesTable({ hands, bids: [1, 1, 1, 1], leader: 0 }), 0, 'AH'));
      expect(names(spades.legalMoves(state, 1).map((move) => (move as { card: Card }).card))).toEqual(['KH']);
      const refused = play(state, 1, '3D');
      expect(refused.ok || refused.error.code).toBe(SpadesError.MustFollowSuit);
    });

    it('a spade trumps the led suit, and the trick winner leads next', () => {
      let state = spadesTable({ hands: ['KH 2D', 'AH 3D', '4S 5D', '2H 9C'], bids: [1, 1, 1, 1], leader: 0 });
      state = ok(play(state, 0, 'KH'));
      state = ok(play(state, 1, 'AH'));
      state = ok(play(state, 2, '4S'));
      state = ok(play(state, 3, '2H'));
      expect(state.lastTrickWinner).toBe(2);
      expect(spades.activeSeats(state)).toEqual([2]);
      expect(state.tricksWon).toEqual([11, 0, 1, 0]);
    });

    it('without a spade, the highest card of the led suit wins; an off-suit ace does not', () => {
      let state = spadesTable({ hands: ['5D 2C', 'AC 3C', '9D 4C', 'JD 6C'], bids: [1, 1, 1, 1], leader: 0 });
      state = ok(play(state, 0, '5D'));
      state = ok(play(state, 1, 'AC'));
      state = ok(play(state, 2, '9D'));
      state = ok(play(state, 3, 'JD'));
      expect(state.lastTrickWinner).toBe(3);
    });
  });

  describe('[S-08] breaking spades', () => {
    it('no spade lead until spades are broken', () => {
      const state = spadesTable({ hands: ['AS 2D', 'KH 3D', '5H 4S', '2H 9C'], bids: [1, 1, 1, 1], leader: 0 });
      const refused = play(state, 0, 'AS');
      expect(refused.ok || refused.error.code).toBe(SpadesError.SpadesNotBroken);
      expect(spades.moveErrorInView(spades.view(state, 0), { type: 'play', card: code('AS') })?.code).toBe(SpadesError.SpadesNotBroken);
      expect(names(spades.legalMoves(state, 0).map((move) => (move as { card: Card }).card))).toEqual(['2D']);
    });

    it('a leader holding only spades may lead one, which breaks them', () => {
      const state = spadesTable({ hands: ['AS 2S', 'KH 3D', '5H 4S', '2H 9C'], bids: [1, 1, 1, 1], leader: 0 });
      const result = play(state, 0, '2S');
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.state.spadesBroken).toBe(true);
        expect(result.events).toContainEqual({ type: 'spadesBroken', seat: 0, card: code('2S') });
      }
    });

    it('a spade played on another suit breaks spades for the next lead', () => {
      let state = spadesTable({ hands: ['KH 2D', 'AH 3D', '4S 5D', '2H 9C'], bids: [1, 1, 1, 1], leader: 0 });
      state = ok(play(state, 0, 'KH'));
      state = ok(play(state, 1, 'AH'));
      expect(state.spadesBroken).toBe(false);
      state = ok(play(state, 2, '4S'));
      expect(state.spadesBroken).toBe(true);
    });
  });

  it('[S-12] the hand summary waits for everyone; ten bags can keep a side under the target', () => {
    // Side 0 bid 4 and takes all 13 tricks: +40 and 9 bags, the tenth bag costing 100.
    let state = spadesTable({ hands: ['AS', '2C', '3C', '4C'], bids: [2, 1, 2, 1], scores: [470, 480], bags: [3, 0], spadesBroken: true, leader: 0 });
    for (const [seat, card] of [[0, 'AS'], [1, '2C'], [2, '3C'], [3, '4C']] as const) state = ok(play(state, seat, card));
    expect(state.phase).toBe(SpadesPhase.HandOver);
    expect(state.scores).toEqual([470 + 40 + 9 - 100, 480 - 20]);
    expect(state.bags).toEqual([2, 0]);
    expect(spades.view(state, 0).public.gameEnding).toBe(false);
    state = ok(spades.apply(state, 2, { type: 'continue' }));
    expect(spades.activeSeats(state)).toEqual([0, 1, 3]);
    const twice = spades.apply(state, 2, { type: 'continue' });
    expect(twice.ok || twice.error.code).toBe(CommonError.NotYourTurn);
  });

  it('[S-12] a side that falls to -200 loses; level scores play another hand', () => {
    let state = spadesTable({ hands: ['AS', '2C', '3C', '4C'], bids: [2, 3, 2, 1], scores: [300, -170], spadesBroken: true, leader: 0 });
    for (const [seat, card] of [[0, 'AS'], [1, '2C'], [2, '3C'], [3, '4C']] as const) state = ok(play(state, seat, card));
    expect(state.scores[1]).toBe(-210);
    expect(spades.view(state, 1).public.gameEnding).toBe(true);
    for (let seat = 0; seat < 4; seat++) state = ok(spades.apply(state, seat, { type: 'continue' }));
    expect(state.phase).toBe(SpadesPhase.GameOver);
    expect(spades.outcome(state)).toEqual({ scores: [349, -210, 349, -210], winners: [0, 2], ranking: [0, 2, 1, 3] });

    let level = spadesTable({ hands: ['AS', '2C', '3C', '4C'], bids: [2, 1, 2, 1], scores: [460, 529], spadesBroken: true, leader: 0 });
    for (const [seat, card] of [[0, 'AS'], [1, '2C'], [2, '3C'], [3, '4C']] as const) level = ok(play(level, seat, card));
    expect(level.scores[0]).toBe(level.scores[1]);
    for (let seat = 0; seat < 4; seat++) level = ok(spades.apply(level, seat, { type: 'continue' }));
    expect(level.phase).toBe(SpadesPhase.Bidding);
    expect(level.handNumber).toBe(2);
  });

  it('[S-13] a player who does not follow shows a void to everyone', () => {
    let state = spadesTable({ hands: ['KH 2D', 'AH 3D', '4S 5D', '2H 9C'], bids: [1, 1, 1, 1], leader: 0 });
    state = ok(play(state, 0, 'KH'));
    state = ok(play(state, 1, 'AH'));
    state = ok(play(state, 2, '4S'));
    expect(spades.view(state, 3).public.voids[2]).toBe(1 << 3);
  });

  it('[S-14] a seat sees its own hand only; a spectator sees none; everyone sees bids and played cards', () => {
    const state = ok(play(spadesTable({ hands: ['KH 2D', 'AH 3D', '4S 5D', '2H 9C'], bids: [1, 2, 3, 4], leader: 0 }), 0, 'KH'));
    expect(names(spades.view(state, 1).private!.hand)).toEqual(['3D', 'AH']);
    expect(spades.view(state, null).private).toBeNull();
    expect(spades.view(state, null).public.trick[0]).toBe(code('KH'));
    expect(spades.view(state, null).public.handCounts).toEqual([1, 2, 2, 2]);
    const seen = spades.audit.cardsInView(spades.view(state, 1));
    for (const hidden of ['4S', '5D', '2H', '9C']) expect(seen).not.toContain(code(hidden));
  });
});
