/**
 * Gin Rummy's moves: who may do what (judged once, from the state or from a
 * seat's view alike), and what each accepted move does.
 */
import { cardName, fullDeck, isCard } from '../../cards';
import type { Card } from '../../cards';
import { CommonError } from '../../game';
import type { ApplyResult, RuleError, Seat } from '../../game';
import { Rng } from '../../rng';
import { bestArrangement, cardValue, deadwoodAfterDiscards, fitsMeld, minDeadwood, sortMeld } from './melds';
import { GinRummyError, GinRummyPhase, HandResult, copyState } from './state';
import type { GinRummyEvent, GinRummyMove, GinRummyState, WritableState } from './state';
import { replaceAt, withoutCard } from '../../copies';

export const SEATS = 2;
export const HAND_SIZE = 10;
/** [G-12] A discard that leaves this many cards or fewer in the stock ends the hand, dead. */
export const DEAD_STOCK = 2;
const UNDERCUT_BONUS = 25;
const GIN_BONUS = 25;
const BIG_GIN_BONUS = 31;
const LINE_BONUS = 25;
const GAME_BONUS = 100;

/** What the move rules need, read from the state or from a seat's view alike. */
export interface TurnContext {
  readonly phase: GinRummyPhase;
  readonly turn: Seat;
  readonly knocker: Seat;
  /** The hand of the seat whose move is judged. */
  readonly hand: readonly Card[];
  readonly lastTaken: Card;
  readonly knockLimit: number;
  readonly stockCount: number;
  readonly discardCount: number;
  readonly knockerMelds: readonly (readonly Card[])[];
  readonly continued: readonly boolean[];
}

function err(code: string, message: string): RuleError {
  return { code, message };
}

function isSeatIndex(seat: unknown): seat is number {
  return seat === 0 || seat === 1;
}

/** Who must act now. */
export function actorsOf(phase: GinRummyPhase, turn: Seat, knocker: Seat, continued: readonly boolean[]): number[] {
  switch (phase) {
    case GinRummyPhase.Draw:
    case GinRummyPhase.Discard:
      return [turn];
    case GinRummyPhase.Layoff:
      return [1 - knocker];
    case GinRummyPhase.HandOver:
      return continued.flatMap((done, s) => (done ? [] : [s]));
    case GinRummyPhase.GameOver:
      return [];
    default: {
      const unreachable: never = phase;
      return unreachable;
    }
  }
}

const FIELDS: Readonly<Record<GinRummyMove['type'], readonly string[]>> = {
  draw: ['from'],
  discard: ['card'],
  knock: ['card'],
  gin: ['card'],
  bigGin: [],
  layoff: ['card', 'meld'],
  done: [],
  continue: [],
};

/** The one place every move is judged; `apply` and `moveErrorInView` both call it. */
export function moveError(ctx: TurnContext, seat: unknown, move: unknown): RuleError | null {
  if (ctx.phase === GinRummyPhase.GameOver) return err(CommonError.GameOver, 'The game is over.');
  if (typeof move !== 'object' || move === null || Array.isArray(move)) return err(CommonError.InvalidMove, 'That is not a move.');
  const fields = move as Record<string, unknown>;
  const type = fields['type'];
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) return err(CommonError.InvalidMove, 'That is not a move in Gin Rummy.');
  const allowed = FIELDS[type as GinRummyMove['type']];
  for (const key in fields) {
    if (key !== 'type' && fields[key] !== undefined && !allowed.includes(key)) {
      return err(CommonError.InvalidMove, `A ${type} move carries only the fields it needs.`);
    }
  }
  if (!isSeatIndex(seat)) return err(CommonError.NotYourTurn, 'You are not seated at this table.');
  if (type === 'continue') {
    if (ctx.phase !== GinRummyPhase.HandOver) return err(CommonError.WrongPhase, 'The hand is still being played.');
    if (ctx.continued[seat]) return err(CommonError.NotYourTurn, 'You have already continued; waiting for the other player.');
    return null;
  }
  if (ctx.phase === GinRummyPhase.HandOver) return err(CommonError.WrongPhase, 'The hand is over: continue to the next one.');
  const actor = ctx.phase === GinRummyPhase.Layoff ? 1 - ctx.knocker : ctx.turn;
  if (seat !== actor) {
    return err(CommonError.NotYourTurn, ctx.phase === GinRummyPhase.Layoff ? 'The defender is laying off.' : 'It is not your turn.');
  }
  const card = fields['card'];
  if (allowed.includes('card')) {
    if (!isCard(card)) return err(CommonError.InvalidMove, 'The move must name a card (0-51).');
    if (!ctx.hand.includes(card)) return err(CommonError.CardNotInHand, `The ${cardName(card)} is not in your hand.`);
  }
  switch (type as GinRummyMove['type']) {
    case 'draw': {
      const from = fields['from'];
      if (from !== 'stock' && from !== 'discard') return err(CommonError.InvalidMove, 'Draw from "stock" or "discard".');
      if (ctx.phase !== GinRummyPhase.Draw) return err(CommonError.WrongPhase, 'You have drawn already: discard, knock or go gin.');
      if (from === 'stock' && ctx.stockCount === 0) return err(CommonError.WrongPhase, 'The stock is empty.');
      if (from === 'discard' && ctx.discardCount === 0) return err(CommonError.WrongPhase, 'The discard pile is empty.');
      return null;
    }
    case 'discard':
    case 'knock':
    case 'gin':
    case 'bigGin':
      return discardError(ctx, type as 'discard' | 'knock' | 'gin' | 'bigGin', card as Card);
    case 'layoff': {
      if (ctx.phase !== GinRummyPhase.Layoff) return err(CommonError.WrongPhase, 'Cards are laid off only after a knock.');
      const meld = fields['meld'];
      if (typeof meld !== 'number' || !Number.isInteger(meld) || meld < 0 || meld >= ctx.knockerMelds.length) {
        return err(CommonError.InvalidMove, `Name one of the knocker's ${ctx.knockerMelds.length} melds (0-based).`);
      }
      if (!fitsMeld(card as Card, ctx.knockerMelds[meld]!)) {
        return err(GinRummyError.DoesNotFit, `The ${cardName(card as Card)} does not extend that meld.`);
      }
      return null;
    }
    case 'done':
      if (ctx.phase !== GinRummyPhase.Layoff) return err(CommonError.WrongPhase, 'There is nothing to finish: no one has knocked.');
      return null;
    case 'continue':
      return null;
    default: {
      const unreachable: never = type as never;
      return unreachable;
    }
  }
}

function discardError(ctx: TurnContext, type: 'discard' | 'knock' | 'gin' | 'bigGin', card: Card): RuleError | null {
  if (ctx.phase !== GinRummyPhase.Discard) {
    return err(CommonError.WrongPhase, ctx.phase === GinRummyPhase.Draw ? 'Draw a card first.' : 'The hand has been knocked.');
  }
  if (type === 'bigGin') {
    return minDeadwood(ctx.hand) === 0 ? null : err(GinRummyError.NotGin, 'Big gin needs all eleven cards in melds.');
  }
  // [G-08]
  if (card === ctx.lastTaken) {
    return err(GinRummyError.CannotDiscardTaken, `You just took the ${cardName(card)} from the discard pile: keep it this turn.`);
  }
  if (type === 'discard') return null;
  const deadwood = minDeadwood(withoutCard(ctx.hand, card));
  if (type === 'gin') {
    return deadwood === 0 ? null : err(GinRummyError.NotGin, `Gin needs no deadwood; discarding the ${cardName(card)} leaves ${deadwood}.`);
  }
  if (deadwood === 0) return err(GinRummyError.NotGin, 'With no deadwood left this is gin: go gin instead of knocking.');
  if (deadwood > ctx.knockLimit) {
    return err(GinRummyError.DeadwoodTooHigh, `Knocking needs deadwood of ${ctx.knockLimit} or less; discarding the ${cardName(card)} leaves ${deadwood}.`);
  }
  return null;
}

const DRAW_STOCK: GinRummyMove = Object.freeze({ type: 'draw', from: 'stock' });
const DRAW_DISCARD: GinRummyMove = Object.freeze({ type: 'draw', from: 'discard' });
const BIG_GIN: GinRummyMove = Object.freeze({ type: 'bigGin' });
const DONE: GinRummyMove = Object.freeze({ type: 'done' });
const CONTINUE: GinRummyMove = Object.freeze({ type: 'continue' });
/** Shared, frozen moves per card: listing moves allocates none (bots list them thousands of times a decision). */
const cardMoves = (type: 'discard' | 'knock' | 'gin'): readonly GinRummyMove[] =>
  Array.from({ length: 52 }, (_, card) => Object.freeze({ type, card }));
const DISCARDS = cardMoves('discard');
const KNOCKS = cardMoves('knock');
const GINS = cardMoves('gin');

export function legalMovesOf(ctx: TurnContext, seat: Seat): GinRummyMove[] {
  if (!isSeatIndex(seat)) return [];
  switch (ctx.phase) {
    case GinRummyPhase.Draw: {
      if (seat !== ctx.turn) return [];
      const moves: GinRummyMove[] = [];
      if (ctx.stockCount > 0) moves.push(DRAW_STOCK);
      if (ctx.discardCount > 0) moves.push(DRAW_DISCARD);
      return moves;
    }
    case GinRummyPhase.Discard: {
      if (seat !== ctx.turn) return [];
      const moves: GinRummyMove[] = [];
      const { whole, after } = deadwoodAfterDiscards(ctx.hand, ctx.knockLimit);
      for (let i = 0; i < ctx.hand.length; i++) {
        const card = ctx.hand[i]!;
        if (card === ctx.lastTaken) continue;
        moves.push(DISCARDS[card]!);
        const deadwood = after[i]!;
        if (deadwood === 0) moves.push(GINS[card]!);
        else if (deadwood <= ctx.knockLimit) moves.push(KNOCKS[card]!);
      }
      if (whole === 0) moves.push(BIG_GIN);
      return moves;
    }
    case GinRummyPhase.Layoff: {
      if (seat !== 1 - ctx.knocker) return [];
      const moves: GinRummyMove[] = [];
      for (const card of ctx.hand) {
        ctx.knockerMelds.forEach((meld, index) => {
          if (fitsMeld(card, meld)) moves.push({ type: 'layoff', card, meld: index });
        });
      }
      moves.push(DONE);
      return moves;
    }
    case GinRummyPhase.HandOver:
      return ctx.continued[seat] === false ? [CONTINUE] : [];
    case GinRummyPhase.GameOver:
      return [];
    default: {
      const unreachable: never = ctx.phase;
      return unreachable;
    }
  }
}

// ---------------------------------------------------------------------------
// Dealing and scoring

function insertSorted(hand: readonly Card[], card: Card): Card[] {
  const next = hand.slice();
  let at = next.length;
  while (at > 0 && next[at - 1]! > card) at--;
  next.splice(at, 0, card);
  return next;
}

/** What carries over from hand to hand. */
export type GameCarry = Pick<
  GinRummyState,
  'target' | 'oklahoma' | 'dealer' | 'points' | 'handsWon' | 'scores' | 'handNumber' | 'lastHandPoints' | 'lastHandWinner' | 'result'
>;

/** [G-01]/[G-11] Shuffles a full deck with the state's generator and deals a hand. */
export function dealHand(carry: GameCarry, rng: Rng): GinRummyState {
  const deck = rng.shuffle(fullDeck());
  const hands = [deck.slice(0, HAND_SIZE).sort((a, b) => a - b), deck.slice(HAND_SIZE, 2 * HAND_SIZE).sort((a, b) => a - b)];
  const upcard = deck[2 * HAND_SIZE]!;
  const oklahomaSpade = carry.oklahoma && ((upcard / 13) | 0) === 2;
  return {
    target: carry.target,
    oklahoma: carry.oklahoma,
    phase: GinRummyPhase.Draw,
    hands,
    stock: deck.slice(2 * HAND_SIZE + 1),
    discard: [upcard],
    taken: [],
    takenBy: [],
    lastTaken: -1,
    turn: 1 - carry.dealer,
    dealer: carry.dealer,
    upcard,
    knockLimit: carry.oklahoma ? cardValue(upcard) : 10,
    multiplier: oklahomaSpade ? 2 : 1,
    knocker: -1,
    knockerMelds: [],
    knockerDeadwood: [],
    layoffs: [],
    layoffMelds: [],
    defenderMelds: [],
    defenderDeadwood: [],
    result: carry.result,
    points: carry.points,
    handsWon: carry.handsWon,
    scores: carry.scores,
    handNumber: carry.handNumber,
    lastHandPoints: carry.lastHandPoints,
    lastHandWinner: carry.lastHandWinner,
    continued: [false, false],
    rng: rng.state(),
  };
}

export function isGameEnding(state: Pick<GinRummyState, 'points' | 'target'>): boolean {
  return state.points.some((p) => p >= state.target);
}

/** [G-19] Points, line bonuses, the game bonus and the shutout. */
export function finalScores(points: readonly number[], handsWon: readonly number[], target: number): number[] {
  return points.map((p, seat) => {
    const reached = p >= target;
    let total = p + LINE_BONUS * handsWon[seat]!;
    if (reached) {
      total += GAME_BONUS;
      if (handsWon[1 - seat] === 0) total *= 2;
    }
    return total;
  });
}

export function winnersOf(scores: readonly number[]): number[] {
  const best = Math.max(...scores);
  return scores.flatMap((score, s) => (score === best ? [s] : []));
}

/** [G-15]-[G-19] Scores the hand on the table and moves to the summary. */
function scoreHand(state: GinRummyState, result: HandResult): { state: GinRummyState; event: GinRummyEvent } {
  const next = copyState(state);
  next.phase = GinRummyPhase.HandOver;
  next.continued = [false, false];
  next.lastTaken = -1;
  let winner = -1;
  let won = 0;
  if (result !== HandResult.Dead) {
    const knocker = state.knocker;
    const defender = 1 - knocker;
    const shown = bestArrangement(state.hands[defender]!);
    next.defenderMelds = shown.melds;
    next.defenderDeadwood = shown.deadwood;
    const knockerDeadwood = state.knockerDeadwood.reduce((sum, card) => sum + cardValue(card), 0);
    if (result === HandResult.Gin || result === HandResult.BigGin) {
      winner = knocker;
      won = (result === HandResult.Gin ? GIN_BONUS : BIG_GIN_BONUS) + shown.deadwoodValue;
    } else if (knockerDeadwood < shown.deadwoodValue) {
      winner = knocker;
      won = shown.deadwoodValue - knockerDeadwood;
    } else {
      result = HandResult.Undercut;
      winner = defender;
      won = UNDERCUT_BONUS + knockerDeadwood - shown.deadwoodValue;
    }
    won *= state.multiplier;
  }
  const handPoints = [0, 0];
  if (winner >= 0) {
    handPoints[winner] = won;
    next.points = replaceAt(state.points, winner, state.points[winner]! + won);
    next.handsWon = replaceAt(state.handsWon, winner, state.handsWon[winner]! + 1);
  }
  next.result = result;
  next.lastHandPoints = handPoints;
  next.lastHandWinner = winner;
  next.scores = isGameEnding(next) ? finalScores(next.points, next.handsWon, state.target) : next.points.slice();
  return { state: next, event: { type: 'handScored', result, points: handPoints.slice(), winner } };
}

// ---------------------------------------------------------------------------
// Applying accepted moves

export function applyDraw(state: GinRummyState, seat: Seat, from: 'stock' | 'discard'): ApplyResult<GinRummyState, GinRummyEvent> {
  const next = copyState(state);
  next.phase = GinRummyPhase.Discard;
  let card: Card;
  if (from === 'stock') {
    card = state.stock[state.stock.length - 1]!;
    next.stock = state.stock.slice(0, -1);
  } else {
    card = state.discard[state.discard.length - 1]!;
    next.discard = state.discard.slice(0, -1);
    next.lastTaken = card;
    // [G-21] The other player saw this card taken.
    next.taken = [...state.taken, card];
    next.takenBy = [...state.takenBy, seat];
  }
  next.hands = replaceAt(state.hands, seat, insertSorted(state.hands[seat]!, card));
  return { ok: true, state: next, events: [{ type: 'drew', seat, from, card: from === 'discard' ? card : -1 }] };
}

/** A card leaves a hand: it is no longer a known card of that hand. */
function forgetTaken(next: WritableState, state: GinRummyState, card: Card): void {
  const index = state.taken.indexOf(card);
  if (index < 0) return;
  next.taken = state.taken.filter((_, i) => i !== index);
  next.takenBy = state.takenBy.filter((_, i) => i !== index);
}

function discardInto(state: GinRummyState, seat: Seat, card: Card): WritableState {
  const next = copyState(state);
  next.hands = replaceAt(state.hands, seat, withoutCard(state.hands[seat]!, card));
  next.discard = [...state.discard, card];
  next.lastTaken = -1;
  forgetTaken(next, state, card);
  return next;
}

export function applyDiscard(state: GinRummyState, seat: Seat, card: Card): ApplyResult<GinRummyState, GinRummyEvent> {
  const next = discardInto(state, seat, card);
  const event: GinRummyEvent = { type: 'discarded', seat, card };
  if (state.stock.length <= DEAD_STOCK) {
    // [G-12] A dead hand.
    const scored = scoreHand(next, HandResult.Dead);
    return { ok: true, state: scored.state, events: [event, scored.event] };
  }
  next.phase = GinRummyPhase.Draw;
  next.turn = 1 - seat;
  return { ok: true, state: next, events: [event] };
}

/** [G-09]/[G-10]/[G-13] Knock, gin or big gin: the knocker's hand is laid out. */
export function applyKnock(state: GinRummyState, seat: Seat, type: 'knock' | 'gin' | 'bigGin', card: Card): ApplyResult<GinRummyState, GinRummyEvent> {
  const next = type === 'bigGin' ? copyState(state) : discardInto(state, seat, card);
  const shown = bestArrangement(next.hands[seat]!);
  next.knocker = seat;
  next.knockerMelds = shown.melds;
  next.knockerDeadwood = shown.deadwood;
  next.lastTaken = -1;
  if (type === 'knock') {
    next.phase = GinRummyPhase.Layoff;
    return { ok: true, state: next, events: [{ type: 'knocked', seat, card, deadwood: shown.deadwoodValue }] };
  }
  const ginned: GinRummyEvent = { type: 'ginned', seat, card: type === 'bigGin' ? -1 : card, big: type === 'bigGin' };
  const scored = scoreHand(next, type === 'gin' ? HandResult.Gin : HandResult.BigGin);
  return { ok: true, state: scored.state, events: [ginned, scored.event] };
}

export function applyLayoff(state: GinRummyState, seat: Seat, card: Card, meld: number): ApplyResult<GinRummyState, GinRummyEvent> {
  const next = copyState(state);
  next.hands = replaceAt(state.hands, seat, withoutCard(state.hands[seat]!, card));
  next.knockerMelds = replaceAt(state.knockerMelds, meld, sortMeld([...state.knockerMelds[meld]!, card]));
  next.layoffs = [...state.layoffs, card];
  next.layoffMelds = [...state.layoffMelds, meld];
  forgetTaken(next, state, card);
  return { ok: true, state: next, events: [{ type: 'laidOff', seat, card, meld }] };
}

export function applyDone(state: GinRummyState): ApplyResult<GinRummyState, GinRummyEvent> {
  const scored = scoreHand(state, HandResult.Knock);
  return { ok: true, state: scored.state, events: [scored.event] };
}

export function applyContinue(state: GinRummyState, seat: Seat): ApplyResult<GinRummyState, GinRummyEvent> {
  const continued = replaceAt(state.continued, seat, true);
  const events: GinRummyEvent[] = [{ type: 'continued', seat }];
  const waiting = continued.some((done) => !done);
  if (waiting || isGameEnding(state)) {
    const next = copyState(state);
    next.continued = continued;
    if (!waiting) {
      next.phase = GinRummyPhase.GameOver;
      events.push({ type: 'gameOver', winners: winnersOf(state.scores) });
    }
    return { ok: true, state: next, events };
  }
  // [G-01] The deal alternates.
  const dealer = 1 - state.dealer;
  const next = dealHand(
    {
      target: state.target,
      oklahoma: state.oklahoma,
      dealer,
      points: state.points,
      handsWon: state.handsWon,
      scores: state.scores,
      handNumber: state.handNumber + 1,
      lastHandPoints: state.lastHandPoints,
      lastHandWinner: state.lastHandWinner,
      result: state.result,
    },
    Rng.fromState(state.rng),
  );
  events.push({ type: 'handDealt', handNumber: next.handNumber, dealer, upcard: next.upcard });
  return { ok: true, state: next, events };
}
