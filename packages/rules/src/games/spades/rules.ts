/**
 * Spades core: state, rule checks and transitions (rule ids refer to RULES.md
 * in this folder). The checks run over a small `TableContext` that both a full
 * state and one seat's view can give, so the server and the client refuse
 * exactly the same moves with exactly the same words.
 */
import { DECK_SIZE, cardName, fullDeck, suitName, Suit } from '../../cards';
import type { Card } from '../../cards';
import { CommonError } from '../../game';
import type { ApplyResult, RuleError, Seat } from '../../game';
import { Rng } from '../../rng';
import type { RngState } from '../../rng';
import { scoreHand, winnerOf } from './scoring';
import { replaceAt, withoutCard } from '../../copies';

export const SEATS = 4;
export const HAND_SIZE = 13;
export const SIDES = 2;
/** [S-06] How far behind a side must be for its players to bid blind nil. */
export const BLIND_NIL_DEFICIT = 100;

const SPADES: number = Suit.Spades;

/** [S-01] Partners sit across: seats 0 and 2 are side 0, seats 1 and 3 side 1. */
export function sideOf(seat: Seat): number {
  return seat % SIDES;
}

export function partnerOf(seat: Seat): Seat {
  return (seat + 2) % SEATS;
}

export const SpadesPhase = {
  Bidding: 'bidding',
  Playing: 'playing',
  HandOver: 'handOver',
  GameOver: 'gameOver',
} as const;
export type SpadesPhase = (typeof SpadesPhase)[keyof typeof SpadesPhase];

export const SpadesError = {
  BadBid: 'BAD_BID',
  BlindNilNotAllowed: 'BLIND_NIL_NOT_ALLOWED',
  LookFirst: 'LOOK_AT_YOUR_CARDS_FIRST',
  MustFollowSuit: 'MUST_FOLLOW_SUIT',
  SpadesNotBroken: 'SPADES_NOT_BROKEN',
} as const;
export type SpadesError = (typeof SpadesError)[keyof typeof SpadesError];

export interface SpadesOptions {
  readonly target: 300 | 500;
  readonly blindNil: boolean;
}

export type SpadesMove =
  | { readonly type: 'bid'; readonly tricks: number }
  | { readonly type: 'blindNil' }
  | { readonly type: 'look' }
  | { readonly type: 'play'; readonly card: Card }
  | { readonly type: 'continue' };

export type SpadesEvent =
  | { readonly type: 'handDealt'; readonly handNumber: number; readonly dealer: Seat }
  | { readonly type: 'looked'; readonly seat: Seat }
  | { readonly type: 'bid'; readonly seat: Seat; readonly tricks: number; readonly blind: boolean }
  | { readonly type: 'played'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'spadesBroken'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'trickWon'; readonly seat: Seat }
  /** Points by side. */
  | { readonly type: 'handScored'; readonly points: readonly number[] }
  | { readonly type: 'continued'; readonly seat: Seat }
  | { readonly type: 'gameOver'; readonly winners: readonly Seat[] };

export interface SpadesState {
  readonly options: SpadesOptions;
  readonly rng: RngState;
  readonly phase: SpadesPhase;
  /** 1-based. */
  readonly handNumber: number;
  readonly dealer: Seat;
  /** Sorted hands by seat. */
  readonly hands: readonly (readonly Card[])[];
  /** Bids by seat: -1 not yet bid, 0 nil. */
  readonly bids: readonly number[];
  /** [S-06] Seats that bid blind nil this hand. */
  readonly blind: readonly boolean[];
  /** [S-06] Seats that have seen their cards this hand (all, unless blind nil is possible). */
  readonly looked: readonly boolean[];
  /** Seat to bid or play. */
  readonly turn: Seat;
  readonly leader: Seat;
  /** Current trick by seat, -1 for not played yet. */
  readonly trick: readonly Card[];
  /** Completed tricks this hand, 0-13. */
  readonly tricksPlayed: number;
  readonly lastTrick: readonly Card[];
  readonly lastTrickWinner: Seat | -1;
  readonly spadesBroken: boolean;
  /** By card code: the seat that took it in a completed trick this hand, -1 otherwise. */
  readonly wonBy: readonly number[];
  readonly tricksWon: readonly number[];
  /** [S-13] 4-bit suit masks of suits each seat has shown void in this hand. */
  readonly voids: readonly number[];
  /** By side. */
  readonly scores: readonly number[];
  /** By side: bags not yet paid for (0-9 after each hand). */
  readonly bags: readonly number[];
  /** Points the last scored hand moved each side (zeros before the first). */
  readonly lastPoints: readonly number[];
  /** By seat: what its nil scored in the last hand (0 without one). */
  readonly lastNil: readonly number[];
  /** By side: the bag penalty paid in the last hand (0 or -100). */
  readonly lastBagPenalty: readonly number[];
  /** handOver: seats that have continued. */
  readonly continued: readonly boolean[];
}

// ---------------------------------------------------------------------------
// Rule checks, shared by the state and a seat's view.

/** What the rule checks need to know; a state and a seat's view can both give it. */
export interface TableContext {
  readonly phase: string;
  readonly active: readonly Seat[];
  /** The acting seat's hand (empty when unknown or face down). */
  readonly hand: readonly Card[];
  /** Whether the acting seat has seen its cards. */
  readonly looked: boolean;
  /** Whether the acting seat may still bid blind nil ([S-06]). */
  readonly blindNilAllowed: boolean;
  readonly trick: readonly Card[];
  readonly leader: Seat;
  readonly spadesBroken: boolean;
}

function fail(code: string, message: string): RuleError {
  return { code, message };
}

function suitCode(card: Card): number {
  return (card / 13) | 0;
}

function isCardCode(value: unknown): value is Card {
  return typeof value === 'number' && value >= 0 && value < DECK_SIZE && value === Math.floor(value);
}

/** A move may hold `type` and its own field only (undefined-valued keys count as absent). */
function hasOnlyKeys(move: Record<string, unknown>, field: string | null): boolean {
  for (const key in move) {
    if (key !== 'type' && key !== field && move[key] !== undefined) return false;
  }
  return true;
}

const MOVE_FIELDS: Readonly<Record<string, string | null>> = { bid: 'tricks', blindNil: null, look: null, play: 'card', continue: null };
const MOVE_PHASE: Readonly<Record<string, SpadesPhase>> = {
  bid: SpadesPhase.Bidding,
  blindNil: SpadesPhase.Bidding,
  look: SpadesPhase.Bidding,
  play: SpadesPhase.Playing,
  continue: SpadesPhase.HandOver,
};

/** Why the card (held) may not be played now; null when it may. */
export function playRuleError(ctx: TableContext, card: Card): RuleError | null {
  const lead = ctx.trick[ctx.leader];
  const suit = suitCode(card);
  if (lead === undefined || lead < 0) {
    // [S-08] No spade lead before spades are broken, unless the hand is all spades.
    if (suit === SPADES && !ctx.spadesBroken && ctx.hand.some((held) => suitCode(held) !== SPADES)) {
      return fail(SpadesError.SpadesNotBroken, 'Spades are not broken yet: lead another suit.');
    }
    return null;
  }
  // [S-07] Follow suit when able.
  const led = suitCode(lead);
  if (suit !== led && ctx.hand.some((held) => suitCode(held) === led)) {
    return fail(SpadesError.MustFollowSuit, `You must follow suit: you hold ${suitName(led as Suit)}.`);
  }
  return null;
}

/** Why `seat` may not make `move`; null when it may. The single source of refusals for apply and the view. */
export function moveError(ctx: TableContext, seat: Seat, move: unknown): RuleError | null {
  if (typeof move !== 'object' || move === null || Array.isArray(move)) return fail(CommonError.InvalidMove, 'That is not a Spades move.');
  const record = move as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(MOVE_FIELDS, type)) return fail(CommonError.InvalidMove, 'That is not a Spades move.');
  if (!hasOnlyKeys(record, MOVE_FIELDS[type]!)) return fail(CommonError.InvalidMove, 'That move carries fields Spades does not know.');
  if (type === 'play' && !isCardCode(record.card)) return fail(CommonError.InvalidMove, 'That is not a card.');
  if (type === 'bid' && !(typeof record.tricks === 'number' && Number.isInteger(record.tricks) && record.tricks >= 0 && record.tricks <= HAND_SIZE)) {
    return fail(SpadesError.BadBid, 'A bid is a whole number of tricks from 0 (nil) to 13.');
  }
  if (ctx.phase === SpadesPhase.GameOver) return fail(CommonError.GameOver, 'The game is over.');
  if (ctx.phase !== MOVE_PHASE[type]) return fail(CommonError.WrongPhase, wrongPhaseMessage(ctx.phase));
  if (!ctx.active.includes(seat)) {
    return fail(CommonError.NotYourTurn, ctx.phase === SpadesPhase.HandOver ? 'You have already continued; wait for the others.' : 'It is not your turn.');
  }
  switch (type) {
    case 'bid':
      // [S-06] A player who might bid blind nil decides that before seeing the cards.
      return ctx.looked ? null : fail(SpadesError.LookFirst, 'Look at your cards (or bid blind nil) before bidding.');
    case 'blindNil':
      if (!ctx.blindNilAllowed) {
        return fail(SpadesError.BlindNilNotAllowed, 'Blind nil is allowed only before looking at your cards, with the option on, when your side trails by 100 or more.');
      }
      return null;
    case 'look':
      return ctx.looked ? fail(CommonError.WrongPhase, 'You have already seen your cards.') : null;
    case 'play': {
      const card = record.card as Card;
      if (!ctx.hand.includes(card)) return fail(CommonError.CardNotInHand, `The ${cardName(card)} is not in your hand.`);
      return playRuleError(ctx, card);
    }
    default:
      return null;
  }
}

function wrongPhaseMessage(phase: string): string {
  if (phase === SpadesPhase.Bidding) return 'Everyone bids first.';
  if (phase === SpadesPhase.Playing) return 'The cards are being played: play a card.';
  return 'The hand is over: continue to the next hand.';
}

// ---------------------------------------------------------------------------
// Moves, shared frozen values so enumeration allocates only the list.

const PLAY_MOVES: readonly SpadesMove[] = Array.from({ length: DECK_SIZE }, (_, card) => Object.freeze({ type: 'play', card }) as SpadesMove);
const BID_MOVES: readonly SpadesMove[] = Array.from({ length: HAND_SIZE + 1 }, (_, tricks) => Object.freeze({ type: 'bid', tricks }) as SpadesMove);
const BLIND_NIL_MOVE: SpadesMove = Object.freeze({ type: 'blindNil' });
const LOOK_MOVE: SpadesMove = Object.freeze({ type: 'look' });
const CONTINUE_MOVE: SpadesMove = Object.freeze({ type: 'continue' });
const ONE_SEAT: readonly (readonly Seat[])[] = [0, 1, 2, 3].map((seat) => Object.freeze([seat]));
const NO_SEATS: readonly Seat[] = Object.freeze([]);

export function movesFromContext(ctx: TableContext, seat: Seat): SpadesMove[] {
  if (!ctx.active.includes(seat)) return [];
  switch (ctx.phase) {
    case SpadesPhase.Bidding:
      if (!ctx.looked) return ctx.blindNilAllowed ? [BLIND_NIL_MOVE, LOOK_MOVE] : [LOOK_MOVE];
      return BID_MOVES.slice();
    case SpadesPhase.Playing: {
      const out: SpadesMove[] = [];
      for (const card of ctx.hand) if (playRuleError(ctx, card) === null) out.push(PLAY_MOVES[card]!);
      return out;
    }
    case SpadesPhase.HandOver:
      return [CONTINUE_MOVE];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------
// State.

export function activeSeatsOf(state: SpadesState): readonly Seat[] {
  switch (state.phase) {
    case SpadesPhase.Bidding:
    case SpadesPhase.Playing:
      return ONE_SEAT[state.turn]!;
    case SpadesPhase.HandOver: {
      const out: Seat[] = [];
      for (let s = 0; s < SEATS; s++) if (!state.continued[s]) out.push(s);
      return out;
    }
    case SpadesPhase.GameOver:
      return NO_SEATS;
    default: {
      const never: never = state.phase;
      return never;
    }
  }
}

/** [S-06] Whether `seat` may bid blind nil now: option on, cards unseen, its side 100 or more behind. */
export function blindNilAllowed(
  state: Pick<SpadesState, 'options' | 'scores' | 'looked' | 'phase'>,
  seat: Seat,
): boolean {
  return state.phase === SpadesPhase.Bidding && blindNilEligible(state.options.blindNil, state.scores, seat) && !state.looked[seat];
}

/** [S-06] With the option on, a seat whose side trails by the deficit or more may bid blind nil this hand. */
export function blindNilEligible(option: boolean, scores: readonly number[], seat: Seat): boolean {
  const side = sideOf(seat);
  return option && scores[1 - side]! - scores[side]! >= BLIND_NIL_DEFICIT;
}

export function contextOfState(state: SpadesState, seat: Seat): TableContext {
  return {
    phase: state.phase,
    active: activeSeatsOf(state),
    hand: state.hands[seat] ?? NO_SEATS,
    looked: state.looked[seat] ?? true,
    blindNilAllowed: blindNilAllowed(state, seat),
    trick: state.trick,
    leader: state.leader,
    spadesBroken: state.spadesBroken,
  };
}

type WritableState = { -readonly [K in keyof SpadesState]: SpadesState[K] };

/** A field-by-field copy for a move to change: every state shares one shape (see Hearts' `copyState`). */
function copyState(state: SpadesState): WritableState {
  return {
    options: state.options,
    rng: state.rng,
    phase: state.phase,
    handNumber: state.handNumber,
    dealer: state.dealer,
    hands: state.hands,
    bids: state.bids,
    blind: state.blind,
    looked: state.looked,
    turn: state.turn,
    leader: state.leader,
    trick: state.trick,
    tricksPlayed: state.tricksPlayed,
    lastTrick: state.lastTrick,
    lastTrickWinner: state.lastTrickWinner,
    spadesBroken: state.spadesBroken,
    wonBy: state.wonBy,
    tricksWon: state.tricksWon,
    voids: state.voids,
    scores: state.scores,
    bags: state.bags,
    lastPoints: state.lastPoints,
    lastNil: state.lastNil,
    lastBagPenalty: state.lastBagPenalty,
    continued: state.continued,
  };
}

export function applyMove(state: SpadesState, seat: Seat, move: SpadesMove): ApplyResult<SpadesState, SpadesEvent> {
  const error = moveError(contextOfState(state, seat), seat, move);
  if (error) return { ok: false, error };
  switch (move.type) {
    case 'look': {
      const after = copyState(state);
      after.looked = replaceAt(state.looked, seat, true);
      return { ok: true, state: after, events: [{ type: 'looked', seat }] };
    }
    case 'bid':
      return applyBid(state, seat, move.tricks, false);
    case 'blindNil':
      return applyBid(state, seat, 0, true);
    case 'play':
      return applyPlay(state, seat, move.card);
    case 'continue':
      return applyContinue(state, seat);
    default: {
      const never: never = move;
      return never;
    }
  }
}

function applyBid(state: SpadesState, seat: Seat, tricks: number, blind: boolean): ApplyResult<SpadesState, SpadesEvent> {
  const after = copyState(state);
  after.bids = replaceAt(state.bids, seat, tricks);
  // A blind nil bidder sees the hand once the bid is made: it is needed to play.
  if (blind) {
    after.blind = replaceAt(state.blind, seat, true);
    after.looked = replaceAt(state.looked, seat, true);
  }
  const next = (seat + 1) % SEATS;
  const leader = (state.dealer + 1) % SEATS;
  // [S-04] Bidding goes once round from the dealer's left; then that player leads ([S-07]).
  if (next === leader) {
    after.phase = SpadesPhase.Playing;
    after.turn = leader;
    after.leader = leader;
  } else {
    after.turn = next;
  }
  return { ok: true, state: after, events: [{ type: 'bid', seat, tricks, blind }] };
}

/** [S-07] Spades trump; otherwise the highest card of the led suit wins. */
export function trickWinner(trick: readonly Card[], leader: Seat): Seat {
  let best = leader;
  for (let s = 0; s < SEATS; s++) if (beats(trick[s]!, trick[best]!, suitCode(trick[leader]!))) best = s;
  return best;
}

/** Whether `card` beats `best` in a trick led with `led`. */
export function beats(card: Card, best: Card, led: number): boolean {
  const suit = suitCode(card);
  const bestSuit = suitCode(best);
  if (suit === bestSuit) return card > best;
  if (suit === SPADES) return true;
  return bestSuit !== SPADES && bestSuit !== led && suit === led;
}

function applyPlay(state: SpadesState, seat: Seat, card: Card): ApplyResult<SpadesState, SpadesEvent> {
  const events: SpadesEvent[] = [{ type: 'played', seat, card }];
  const hands = replaceAt(state.hands, seat, withoutCard(state.hands[seat]!, card));
  const trick = replaceAt(state.trick, seat, card);
  const lead = state.trick[state.leader]!;
  let spadesBroken = state.spadesBroken;
  if (!spadesBroken && suitCode(card) === SPADES) {
    // [S-08] A spade discarded on another suit breaks spades, and so does a forced spade lead.
    spadesBroken = true;
    events.push({ type: 'spadesBroken', seat, card });
  }
  let voids = state.voids;
  if (lead >= 0 && suitCode(card) !== suitCode(lead)) {
    // [S-13] Not following shows the seat void in the led suit.
    voids = replaceAt(voids, seat, voids[seat]! | (1 << suitCode(lead)));
  }
  const after = copyState(state);
  after.hands = hands;
  after.spadesBroken = spadesBroken;
  after.voids = voids;
  const next = (seat + 1) % SEATS;
  if (next !== state.leader) {
    after.trick = trick;
    after.turn = next;
    return { ok: true, state: after, events };
  }
  const winner = trickWinner(trick, state.leader);
  const wonBy = state.wonBy.slice();
  for (const played of trick) wonBy[played] = winner;
  events.push({ type: 'trickWon', seat: winner });
  after.trick = emptyTrick();
  after.lastTrick = trick;
  after.lastTrickWinner = winner;
  after.leader = winner;
  after.turn = winner;
  after.tricksPlayed = state.tricksPlayed + 1;
  after.wonBy = wonBy;
  after.tricksWon = replaceAt(state.tricksWon, winner, state.tricksWon[winner]! + 1);
  if (after.tricksPlayed < HAND_SIZE) return { ok: true, state: after, events };
  const result = scoreHand(after.bids, after.blind, after.tricksWon, state.scores, state.bags);
  events.push({ type: 'handScored', points: result.points.slice() });
  after.phase = SpadesPhase.HandOver;
  after.scores = result.scores;
  after.bags = result.bags;
  after.lastPoints = result.points;
  after.lastNil = result.nil;
  after.lastBagPenalty = result.bagPenalty;
  after.continued = [false, false, false, false];
  return { ok: true, state: after, events };
}

function applyContinue(state: SpadesState, seat: Seat): ApplyResult<SpadesState, SpadesEvent> {
  const continued = replaceAt(state.continued, seat, true);
  const events: SpadesEvent[] = [{ type: 'continued', seat }];
  const waiting = continued.some((c) => !c);
  const winners = winnerOf(state.scores, state.options.target);
  if (waiting || winners !== null) {
    const after = copyState(state);
    after.continued = continued;
    if (!waiting && winners !== null) {
      after.phase = SpadesPhase.GameOver;
      events.push({ type: 'gameOver', winners: seatsOfSide(winners) });
    }
    return { ok: true, state: after, events };
  }
  const dealt = dealHand(state, Rng.fromState(state.rng), state.handNumber + 1);
  events.push({ type: 'handDealt', handNumber: dealt.handNumber, dealer: dealt.dealer });
  return { ok: true, state: dealt, events };
}

/** The two seats of a side. */
export function seatsOfSide(side: number): Seat[] {
  return [side, side + 2];
}

function emptyTrick(): Card[] {
  return [-1, -1, -1, -1];
}

/** [S-02] The dealer of hand `handNumber`: seat 3 for hand 1, then one seat to the left each hand. */
export function dealerOf(handNumber: number): Seat {
  return (handNumber + 2) % SEATS;
}

/** [S-02] Deals hand `handNumber` from `rng` (which continues from the stored state). */
export function dealHand(
  base: Pick<SpadesState, 'options' | 'scores' | 'bags' | 'lastPoints' | 'lastNil' | 'lastBagPenalty'>,
  rng: Rng,
  handNumber: number,
): SpadesState {
  const deck = rng.shuffle(fullDeck());
  const holder = new Array<number>(DECK_SIZE).fill(0);
  for (let i = 0; i < DECK_SIZE; i++) holder[deck[i]!] = (i / HAND_SIZE) | 0;
  const hands: Card[][] = [[], [], [], []];
  for (let card = 0; card < DECK_SIZE; card++) hands[holder[card]!]!.push(card);
  const dealer = dealerOf(handNumber);
  const first = (dealer + 1) % SEATS;
  const looked = [0, 1, 2, 3].map((seat) => !blindNilEligible(base.options.blindNil, base.scores, seat));
  return {
    options: base.options,
    rng: rng.state(),
    phase: SpadesPhase.Bidding,
    handNumber,
    dealer,
    hands,
    bids: [-1, -1, -1, -1],
    blind: [false, false, false, false],
    looked,
    turn: first,
    leader: first,
    trick: emptyTrick(),
    tricksPlayed: 0,
    lastTrick: emptyTrick(),
    lastTrickWinner: -1,
    spadesBroken: false,
    wonBy: new Array<number>(DECK_SIZE).fill(-1),
    tricksWon: [0, 0, 0, 0],
    voids: [0, 0, 0, 0],
    scores: base.scores,
    bags: base.bags,
    lastPoints: base.lastPoints,
    lastNil: base.lastNil,
    lastBagPenalty: base.lastBagPenalty,
    continued: [false, false, false, false],
  };
}

export function setupSpades(seed: string, options: SpadesOptions): SpadesState {
  return dealHand(
    { options, scores: [0, 0], bags: [0, 0], lastPoints: [0, 0], lastNil: [0, 0, 0, 0], lastBagPenalty: [0, 0] },
    Rng.fromSeed(seed),
    1,
  );
}
