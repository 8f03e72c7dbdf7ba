/**
 * Hearts core: state, rule checks, transitions and views (rule ids refer to
 * RULES.md in this folder). The rule checks run over a small `TableContext`
 * that both a full state and one seat's view can give, so the server and the
 * client refuse exactly the same moves with exactly the same words.
 */
import { DECK_SIZE, cardName, cardOf, fullDeck, isCard, suitName, Rank, Suit } from '../../cards';
import type { Card } from '../../cards';
import { CommonError } from '../../game';
import type { ApplyResult, GameView, Outcome, RuleError, Seat } from '../../game';
import { Rng } from '../../rng';
import type { RngState } from '../../rng';

export const SEATS = 4;
export const HAND_SIZE = 13;
export const PASS_SIZE = 3;
export const MOON_POINTS = 26;

export const TWO_OF_CLUBS: Card = cardOf(Rank.Two, Suit.Clubs);
export const QUEEN_OF_SPADES: Card = cardOf(Rank.Queen, Suit.Spades);
export const JACK_OF_DIAMONDS: Card = cardOf(Rank.Jack, Suit.Diamonds);

/** Copied into this module so hot paths read a constant, not an import binding. */
const HEARTS_SUIT: number = Suit.Hearts;

export const HeartsPhase = {
  Passing: 'passing',
  Playing: 'playing',
  HandOver: 'handOver',
  GameOver: 'gameOver',
} as const;
export type HeartsPhase = (typeof HeartsPhase)[keyof typeof HeartsPhase];

export const PassDirection = {
  Left: 'left',
  Right: 'right',
  Across: 'across',
  None: 'none',
} as const;
export type PassDirection = (typeof PassDirection)[keyof typeof PassDirection];

/** [H-03] The pass cycle, by hand number (1-based): left, right, across, hold. */
const PASS_CYCLE: readonly PassDirection[] = [
  PassDirection.Left, PassDirection.Right, PassDirection.Across, PassDirection.None,
];

export const HeartsError = {
  MustPassThree: 'MUST_PASS_THREE',
  MustLeadTwoOfClubs: 'MUST_LEAD_TWO_OF_CLUBS',
  MustFollowSuit: 'MUST_FOLLOW_SUIT',
  NoPointsOnFirstTrick: 'NO_POINTS_ON_FIRST_TRICK',
  HeartsNotBroken: 'HEARTS_NOT_BROKEN',
} as const;
export type HeartsError = (typeof HeartsError)[keyof typeof HeartsError];

export interface HeartsOptions {
  readonly target: 50 | 100 | 150;
  readonly jackOfDiamonds: boolean;
  readonly moonSubtract: boolean;
}

export type HeartsMove =
  | { readonly type: 'pass'; readonly cards: readonly Card[] }
  | { readonly type: 'play'; readonly card: Card }
  | { readonly type: 'continue' };

export type HeartsEvent =
  | { readonly type: 'handDealt'; readonly handNumber: number; readonly passDirection: PassDirection }
  | { readonly type: 'passed'; readonly seat: Seat }
  | { readonly type: 'passesExchanged'; readonly passDirection: PassDirection }
  | { readonly type: 'played'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'heartsBroken'; readonly seat: Seat; readonly card: Card }
  | { readonly type: 'trickWon'; readonly seat: Seat; readonly points: number }
  | { readonly type: 'handScored'; readonly points: readonly number[]; readonly moonShooter: Seat | -1 }
  | { readonly type: 'continued'; readonly seat: Seat }
  | { readonly type: 'gameOver'; readonly winners: readonly Seat[] };

export interface HeartsState {
  readonly options: HeartsOptions;
  readonly rng: RngState;
  readonly phase: HeartsPhase;
  /** 1-based. */
  readonly handNumber: number;
  /** Sorted hands by seat. During the pass a seat's passed cards are out of its hand, in `passed`. */
  readonly hands: readonly (readonly Card[])[];
  /** The cards each seat passed this hand (empty before it passes and on hold hands). */
  readonly passed: readonly (readonly Card[])[];
  /** The cards each seat received this hand (empty until the exchange). */
  readonly received: readonly (readonly Card[])[];
  /** Current trick by seat, -1 for not played yet. */
  readonly trick: readonly Card[];
  readonly leader: Seat;
  readonly turn: Seat;
  /** Completed tricks this hand, 0-12. */
  readonly tricksPlayed: number;
  readonly lastTrick: readonly Card[];
  readonly lastTrickWinner: Seat | -1;
  readonly heartsBroken: boolean;
  /** By card code: the seat that took it in a completed trick this hand, -1 otherwise. */
  readonly wonBy: readonly number[];
  /** Points taken this hand (hearts, QS, JD when the variant is on), by seat. */
  readonly handPoints: readonly number[];
  readonly tricksWon: readonly number[];
  /** 4-bit suit masks of suits each seat has shown void in this hand. */
  readonly voids: readonly number[];
  readonly scores: readonly number[];
  /** Points of the last scored hand (after the moon), by seat; zeros before. */
  readonly lastHandPoints: readonly number[];
  readonly moonShooter: Seat | -1;
  /** handOver: seats that have continued. */
  readonly continued: readonly boolean[];
}

export function passDirectionOf(handNumber: number): PassDirection {
  return PASS_CYCLE[(handNumber - 1) % PASS_CYCLE.length]!;
}

/** The seat that receives `seat`'s pass ([H-03]: seats are clockwise, so left is the next seat). */
export function passTarget(seat: Seat, direction: PassDirection): Seat {
  switch (direction) {
    case PassDirection.Left:
      return (seat + 1) % SEATS;
    case PassDirection.Right:
      return (seat + 3) % SEATS;
    case PassDirection.Across:
      return (seat + 2) % SEATS;
    case PassDirection.None:
      return seat;
    default: {
      const never: never = direction;
      return never;
    }
  }
}

/** [H-11] Points a card scores when taken in a trick. */
export function cardPoints(card: Card, jackOfDiamonds: boolean): number {
  if (card === QUEEN_OF_SPADES) return 13;
  if (suitCode(card) === HEARTS_SUIT) return 1;
  if (jackOfDiamonds && card === JACK_OF_DIAMONDS) return -10;
  return 0;
}

/** [H-07] Cards that may not go on the first trick, and that break hearts (H-08). */
export function isPointCard(card: Card): boolean {
  return card === QUEEN_OF_SPADES || suitCode(card) === HEARTS_SUIT;
}

// ---------------------------------------------------------------------------
// Rule checks, shared by the state and a seat's view.

/** What the rule checks need to know; a state and a seat's view can both give it. */
export interface TableContext {
  readonly phase: string;
  readonly active: readonly Seat[];
  /** The acting seat's hand (empty when unknown). */
  readonly hand: readonly Card[];
  readonly trick: readonly Card[];
  readonly leader: Seat;
  readonly heartsBroken: boolean;
  readonly firstTrick: boolean;
}

function fail(code: string, message: string): RuleError {
  return { code, message };
}

/** Card code to suit, local so the hot paths avoid a cross-module call. */
function suitCode(card: Card): number {
  return (card / 13) | 0;
}

/** Facts about the acting hand that the play rules need, gathered in one pass. */
interface HandFacts {
  readonly led: number;
  readonly holdsLed: boolean;
  readonly onlyHearts: boolean;
  readonly onlyPoints: boolean;
}

function handFacts(ctx: TableContext): HandFacts {
  const lead = ctx.trick[ctx.leader];
  const led = lead === undefined || lead < 0 ? -1 : suitCode(lead);
  let holdsLed = false;
  let onlyHearts = true;
  let onlyPoints = true;
  const hand = ctx.hand;
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    const suit = suitCode(card);
    if (suit === led) holdsLed = true;
    if (suit !== HEARTS_SUIT) {
      onlyHearts = false;
      if (card !== QUEEN_OF_SPADES) onlyPoints = false;
    }
  }
  return { led, holdsLed, onlyHearts, onlyPoints };
}

function playErrorWith(ctx: TableContext, facts: HandFacts, card: Card): RuleError | null {
  const suit = suitCode(card);
  if (facts.led === -1) {
    // [H-05] The first trick is led with the two of clubs.
    if (ctx.firstTrick) {
      return card === TWO_OF_CLUBS ? null : fail(HeartsError.MustLeadTwoOfClubs, 'The first trick must be led with the Two of clubs.');
    }
    // [H-08] No heart lead until hearts are broken, unless the hand is all hearts.
    if (suit === HEARTS_SUIT && !ctx.heartsBroken && !facts.onlyHearts) {
      return fail(HeartsError.HeartsNotBroken, 'Hearts are not broken yet: lead another suit.');
    }
    return null;
  }
  // [H-06] Follow suit when able.
  if (suit !== facts.led && facts.holdsLed) {
    return fail(HeartsError.MustFollowSuit, `You must follow suit: you hold ${suitName(facts.led as Suit)}.`);
  }
  // [H-07] No hearts and no queen of spades on the first trick, unless the hand holds nothing else.
  if (ctx.firstTrick && (suit === HEARTS_SUIT || card === QUEEN_OF_SPADES) && !facts.onlyPoints) {
    return fail(HeartsError.NoPointsOnFirstTrick, `You cannot play the ${cardName(card)} on the first trick.`);
  }
  return null;
}

/** Why `card` (already known to be in the hand) may not be played now; null when it may. */
export function playRuleError(ctx: TableContext, card: Card): RuleError | null {
  return playErrorWith(ctx, handFacts(ctx), card);
}

/** Whether `card` may be played, without building an error. Mirrors `playErrorWith`. */
function playAllowed(ctx: TableContext, facts: HandFacts, card: Card): boolean {
  const suit = suitCode(card);
  if (facts.led === -1) {
    if (ctx.firstTrick) return card === TWO_OF_CLUBS;
    return suit !== HEARTS_SUIT || ctx.heartsBroken || facts.onlyHearts;
  }
  if (suit !== facts.led && facts.holdsLed) return false;
  return !(ctx.firstTrick && (suit === HEARTS_SUIT || card === QUEEN_OF_SPADES) && !facts.onlyPoints);
}

/** Every card of the hand that may be played now (playing phase, acting seat). */
export function legalPlays(ctx: TableContext): Card[] {
  const facts = handFacts(ctx);
  const out: Card[] = [];
  for (let i = 0; i < ctx.hand.length; i++) {
    const card = ctx.hand[i]!;
    if (playAllowed(ctx, facts, card)) out.push(card);
  }
  return out;
}

function isCardCode(value: unknown): value is Card {
  return typeof value === 'number' && value >= 0 && value < DECK_SIZE && value === Math.floor(value);
}

/** A move may hold `type` and its own field only (undefined-valued keys count as absent). */
function hasOnlyKeys(move: Record<string, unknown>, field: string): boolean {
  for (const key in move) {
    if (key !== 'type' && key !== field && move[key] !== undefined) return false;
  }
  return true;
}

function isMoveObject(move: unknown): move is { readonly type: unknown } & Record<string, unknown> {
  return typeof move === 'object' && move !== null && !Array.isArray(move);
}

/** Why `seat` may not make `move`; null when it may. The single source of refusals for apply and the view. */
export function moveError(ctx: TableContext, seat: Seat, move: unknown): RuleError | null {
  if (!isMoveObject(move) || (move.type !== 'pass' && move.type !== 'play' && move.type !== 'continue')) {
    return fail(CommonError.InvalidMove, 'That is not a Hearts move.');
  }
  if (!hasOnlyKeys(move, move.type === 'play' ? 'card' : move.type === 'pass' ? 'cards' : 'type')) {
    return fail(CommonError.InvalidMove, 'That move carries fields Hearts does not know.');
  }
  if (move.type === 'play' && !isCardCode(move.card)) {
    return fail(CommonError.InvalidMove, 'That is not a card.');
  }
  if (ctx.phase === HeartsPhase.GameOver) return fail(CommonError.GameOver, 'The game is over.');
  const wanted =
    move.type === 'pass' ? HeartsPhase.Passing : move.type === 'play' ? HeartsPhase.Playing : HeartsPhase.HandOver;
  if (ctx.phase !== wanted) return fail(CommonError.WrongPhase, wrongPhaseMessage(ctx.phase));
  if (!ctx.active.includes(seat)) {
    return fail(CommonError.NotYourTurn, ctx.phase === HeartsPhase.Playing ? 'It is not your turn.' : 'You have already done that; wait for the others.');
  }
  if (move.type === 'pass') return passError(ctx.hand, move.cards);
  if (move.type === 'play') {
    const card = move.card as Card;
    if (!ctx.hand.includes(card)) return fail(CommonError.CardNotInHand, `The ${cardName(card)} is not in your hand.`);
    return playRuleError(ctx, card);
  }
  return null;
}

function wrongPhaseMessage(phase: string): string {
  if (phase === HeartsPhase.Passing) return 'Choose three cards to pass first.';
  if (phase === HeartsPhase.Playing) return 'The cards are being played: play a card.';
  return 'The hand is over: continue to the next hand.';
}

/** [H-03] A pass is exactly three distinct cards from the hand. */
function passError(hand: readonly Card[], cards: unknown): RuleError | null {
  const message = 'Pass exactly three different cards from your hand.';
  if (!Array.isArray(cards) || cards.length !== PASS_SIZE) return fail(HeartsError.MustPassThree, message);
  for (let i = 0; i < cards.length; i++) {
    const card: unknown = cards[i];
    if (!isCard(card) || cards.indexOf(card) !== i) return fail(HeartsError.MustPassThree, message);
  }
  for (const card of cards as Card[]) {
    if (!hand.includes(card)) return fail(CommonError.CardNotInHand, `The ${cardName(card)} is not in your hand.`);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Moves, cached so enumeration allocates only the array that holds them.

const PLAY_MOVES: readonly HeartsMove[] = Array.from({ length: DECK_SIZE }, (_, card) => Object.freeze({ type: 'play', card }) as HeartsMove);
const CONTINUE_MOVE: HeartsMove = Object.freeze({ type: 'continue' });
const ONE_SEAT: readonly (readonly Seat[])[] = [0, 1, 2, 3].map((seat) => Object.freeze([seat]));
const NO_SEATS: readonly Seat[] = Object.freeze([]);

export function playMove(card: Card): HeartsMove {
  return PLAY_MOVES[card]!;
}

/**
 * Pass moves are shared, frozen values: listing the 286 passes of a hand four
 * times a hand was most of a simulation's allocation. Keyed by the three
 * cards in ascending order; filled on first use (at most 22,100 entries).
 */
const PASS_MOVES: (HeartsMove | undefined)[] = [];
for (let key = 0; key < DECK_SIZE * DECK_SIZE * DECK_SIZE; key++) PASS_MOVES.push(undefined); // packed, not a sparse dictionary

function sharedPass(key: number, a: Card, b: Card, c: Card): HeartsMove {
  let move = PASS_MOVES[key];
  if (move === undefined) {
    move = Object.freeze({ type: 'pass', cards: Object.freeze([a, b, c]) }) as HeartsMove;
    PASS_MOVES[key] = move;
  }
  return move;
}

/** [H-03] Every pass: the 286 sets of three cards of a 13-card hand (hands are kept sorted). */
function passMoves(hand: readonly Card[]): HeartsMove[] {
  const n = hand.length;
  const out = new Array<HeartsMove>((n * (n - 1) * (n - 2)) / 6);
  let i = 0;
  for (let a = 0; a < n; a++) {
    const ca = hand[a]!;
    for (let b = a + 1; b < n; b++) {
      const cb = hand[b]!;
      const prefix = (ca * DECK_SIZE + cb) * DECK_SIZE;
      for (let c = b + 1; c < n; c++) {
        const cc = hand[c]!;
        out[i++] = PASS_MOVES[prefix + cc] ?? sharedPass(prefix + cc, ca, cb, cc);
      }
    }
  }
  return out;
}

export function movesFromContext(ctx: TableContext, seat: Seat): HeartsMove[] {
  if (!ctx.active.includes(seat)) return [];
  switch (ctx.phase) {
    case HeartsPhase.Playing: {
      const facts = handFacts(ctx);
      const out: HeartsMove[] = [];
      for (let i = 0; i < ctx.hand.length; i++) {
        const card = ctx.hand[i]!;
        if (playAllowed(ctx, facts, card)) out.push(PLAY_MOVES[card]!);
      }
      return out;
    }
    case HeartsPhase.Passing:
      return passMoves(ctx.hand);
    case HeartsPhase.HandOver:
      return [CONTINUE_MOVE];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------
// State.

export function activeSeatsOf(state: HeartsState): readonly Seat[] {
  switch (state.phase) {
    case HeartsPhase.Playing:
      return ONE_SEAT[state.turn]!;
    case HeartsPhase.Passing: {
      const out: Seat[] = [];
      for (let s = 0; s < SEATS; s++) if (state.passed[s]!.length === 0) out.push(s);
      return out;
    }
    case HeartsPhase.HandOver: {
      const out: Seat[] = [];
      for (let s = 0; s < SEATS; s++) if (!state.continued[s]) out.push(s);
      return out;
    }
    case HeartsPhase.GameOver:
      return NO_SEATS;
    default: {
      const never: never = state.phase;
      return never;
    }
  }
}

export function contextOfState(state: HeartsState, seat: Seat): TableContext {
  return {
    phase: state.phase,
    active: activeSeatsOf(state),
    hand: state.hands[seat] ?? NO_SEATS,
    trick: state.trick,
    leader: state.leader,
    heartsBroken: state.heartsBroken,
    firstTrick: state.tricksPlayed === 0,
  };
}

/**
 * Per-seat and per-card arrays start fresh in every hand, not as shared frozen
 * constants: V8 gives a frozen array its own elements kind, and a property
 * read that meets both kinds (a fresh trick and the frozen empty one) leaves
 * optimized code for the generic keyed-load stub. That stub was 5% of a
 * random-play simulation. Nothing mutates a state's arrays, frozen or not.
 */
function emptyTrick(): Card[] {
  return [-1, -1, -1, -1];
}

function zeros(): number[] {
  return [0, 0, 0, 0];
}

function noCards(): Card[][] {
  return [[], [], [], []];
}

function holderOf(hands: readonly (readonly Card[])[], card: Card): Seat {
  for (let s = 0; s < SEATS; s++) if (hands[s]!.includes(card)) return s;
  return 0;
}

/** Deals hand `handNumber` from `rng` (which continues from the stored state). */
export function dealHand(
  base: Pick<HeartsState, 'options' | 'scores' | 'lastHandPoints' | 'moonShooter'>,
  rng: Rng,
  handNumber: number,
): HeartsState {
  const deck = rng.shuffle(fullDeck());
  // Seat s gets deck[13s .. 13s+12]; walking the cards in order gives every hand already sorted.
  const holder: number[] = new Array<number>(DECK_SIZE).fill(0);
  for (let i = 0; i < DECK_SIZE; i++) holder[deck[i]!] = (i / HAND_SIZE) | 0;
  const hands: Card[][] = [new Array<Card>(HAND_SIZE), new Array<Card>(HAND_SIZE), new Array<Card>(HAND_SIZE), new Array<Card>(HAND_SIZE)];
  const dealt = [0, 0, 0, 0];
  for (let card = 0; card < DECK_SIZE; card++) {
    const seat = holder[card]!;
    hands[seat]![dealt[seat]!++] = card;
  }
  const direction = passDirectionOf(handNumber);
  const phase = direction === PassDirection.None ? HeartsPhase.Playing : HeartsPhase.Passing;
  const leader = holderOf(hands, TWO_OF_CLUBS);
  return {
    options: base.options,
    rng: rng.state(),
    phase,
    handNumber,
    hands,
    passed: noCards(),
    received: noCards(),
    trick: emptyTrick(),
    leader,
    turn: leader,
    tricksPlayed: 0,
    lastTrick: emptyTrick(),
    lastTrickWinner: -1,
    heartsBroken: false,
    wonBy: new Array<number>(DECK_SIZE).fill(-1),
    handPoints: zeros(),
    tricksWon: zeros(),
    voids: zeros(),
    scores: base.scores,
    lastHandPoints: base.lastHandPoints,
    moonShooter: base.moonShooter,
    continued: [false, false, false, false],
  };
}

export function setupHearts(seed: string, options: HeartsOptions): HeartsState {
  return dealHand({ options, scores: zeros(), lastHandPoints: zeros(), moonShooter: -1 }, Rng.fromSeed(seed), 1);
}

/** `hand` without `card`, which it holds. */
function without(hand: readonly Card[], card: Card): Card[] {
  const out = new Array<Card>(hand.length - 1);
  let j = 0;
  for (let i = 0; i < hand.length; i++) if (hand[i] !== card) out[j++] = hand[i]!;
  return out;
}

/** `hand` without the three cards of `given`, all held. */
function withoutAll(hand: readonly Card[], given: readonly Card[]): Card[] {
  const [a, b, c] = given;
  const out = new Array<Card>(hand.length - PASS_SIZE);
  let j = 0;
  for (let i = 0; i < hand.length; i++) {
    const card = hand[i]!;
    if (card !== a && card !== b && card !== c) out[j++] = card;
  }
  return out;
}

/** The three passed cards (already checked: three distinct cards) in ascending order, as a new array. */
function ascendingThree(cards: readonly Card[]): Card[] {
  let a = cards[0]!;
  let b = cards[1]!;
  let c = cards[2]!;
  if (a > b) [a, b] = [b, a];
  if (b > c) [b, c] = [c, b];
  if (a > b) [a, b] = [b, a];
  return [a, b, c];
}

/** Two ascending lists merged into one ascending list. */
function mergeSorted(a: readonly Card[], b: readonly Card[]): Card[] {
  const out = new Array<Card>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * A copy of a per-seat array (always four entries in Hearts) with one entry
 * replaced. Written out for four seats: a generic `slice()` here, shared by
 * arrays of cards, numbers and flags, was the hottest line of a simulation.
 */
function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  const out: T[] = [items[0] as T, items[1] as T, items[2] as T, items[3] as T];
  out[index] = value;
  return out;
}

type WritableState = { -readonly [K in keyof HeartsState]: HeartsState[K] };

/**
 * A field-by-field copy of a state, for the move being applied to change
 * before returning it. Every state after the deal comes from this one object
 * literal, so all share one hidden class: a spread (`{ ...state, x }`) copies
 * through a generic cloning stub, and the states it made could differ in
 * shape, which slowed every later read of their fields.
 */
function copyState(state: HeartsState): WritableState {
  return {
    options: state.options,
    rng: state.rng,
    phase: state.phase,
    handNumber: state.handNumber,
    hands: state.hands,
    passed: state.passed,
    received: state.received,
    trick: state.trick,
    leader: state.leader,
    turn: state.turn,
    tricksPlayed: state.tricksPlayed,
    lastTrick: state.lastTrick,
    lastTrickWinner: state.lastTrickWinner,
    heartsBroken: state.heartsBroken,
    wonBy: state.wonBy,
    handPoints: state.handPoints,
    tricksWon: state.tricksWon,
    voids: state.voids,
    scores: state.scores,
    lastHandPoints: state.lastHandPoints,
    moonShooter: state.moonShooter,
    continued: state.continued,
  };
}

/**
 * True when `move` is one of the shared play moves and the seat may play it
 * now: the common case of a simulation, checked without building a context.
 * Anything else, and every refusal, goes through `moveError`, the single
 * source of the refusal's code and words.
 */
function isAllowedSharedPlay(state: HeartsState, seat: Seat, move: HeartsMove): boolean {
  if (move.type !== 'play' || PLAY_MOVES[move.card] !== move) return false;
  if (state.phase !== HeartsPhase.Playing || seat !== state.turn) return false;
  const card = move.card;
  const hand = state.hands[seat]!;
  const lead = state.trick[state.leader]!;
  const led = lead < 0 ? -1 : suitCode(lead);
  let inHand = false;
  let holdsLed = false;
  let onlyHearts = true;
  let onlyPoints = true;
  for (let i = 0; i < hand.length; i++) {
    const held = hand[i]!;
    if (held === card) inHand = true;
    const suit = suitCode(held);
    if (suit === led) holdsLed = true;
    if (suit !== HEARTS_SUIT) {
      onlyHearts = false;
      if (held !== QUEEN_OF_SPADES) onlyPoints = false;
    }
  }
  if (!inHand) return false;
  return playAllowed(
    { phase: state.phase, active: NO_SEATS, hand, trick: state.trick, leader: state.leader, heartsBroken: state.heartsBroken, firstTrick: state.tricksPlayed === 0 },
    { led, holdsLed, onlyHearts, onlyPoints },
    card,
  );
}

export function applyMove(state: HeartsState, seat: Seat, move: HeartsMove): ApplyResult<HeartsState, HeartsEvent> {
  if (typeof move === 'object' && move !== null) {
    if (isAllowedSharedPlay(state, seat, move)) return applyPlay(state, seat, (move as { readonly card: Card }).card);
    if (isAllowedSharedPass(state, seat, move)) return applyPass(state, seat, (move as { readonly cards: readonly Card[] }).cards);
    if (move === CONTINUE_MOVE && state.phase === HeartsPhase.HandOver && state.continued[seat] === false) {
      return applyContinue(state, seat);
    }
  }
  const error = moveError(contextOfState(state, seat), seat, move);
  if (error) return { ok: false, error };
  switch (move.type) {
    case 'play':
      return applyPlay(state, seat, move.card);
    case 'pass':
      return applyPass(state, seat, move.cards);
    case 'continue':
      return applyContinue(state, seat);
    default: {
      const never: never = move;
      return never;
    }
  }
}

/** Like `isAllowedSharedPlay`, for the shared pass moves (their cards are ascending). */
function isAllowedSharedPass(state: HeartsState, seat: Seat, move: HeartsMove): boolean {
  if (move.type !== 'pass' || state.phase !== HeartsPhase.Passing || state.passed[seat]?.length !== 0) return false;
  const cards: unknown = move.cards;
  if (!Array.isArray(cards) || cards.length !== PASS_SIZE) return false;
  const [a, b, c] = cards as unknown[];
  if (!isCardCode(a) || !isCardCode(b) || !isCardCode(c) || PASS_MOVES[(a * DECK_SIZE + b) * DECK_SIZE + c] !== move) return false;
  const hand = state.hands[seat]!;
  return hand.includes(a) && hand.includes(b) && hand.includes(c);
}

function applyPass(state: HeartsState, seat: Seat, cards: readonly Card[]): ApplyResult<HeartsState, HeartsEvent> {
  const given = ascendingThree(cards);
  const hands = replaceAt(state.hands, seat, withoutAll(state.hands[seat]!, given));
  const passed = replaceAt(state.passed, seat, given);
  const events: HeartsEvent[] = [{ type: 'passed', seat }];
  if (passed[0]!.length === 0 || passed[1]!.length === 0 || passed[2]!.length === 0 || passed[3]!.length === 0) {
    const after = copyState(state);
    after.hands = hands;
    after.passed = passed;
    return { ok: true, state: after, events };
  }
  // [H-04] Nobody receives until all four have passed; then every pass lands at once.
  const direction = passDirectionOf(state.handNumber);
  const received: (readonly Card[])[] = noCards();
  for (let s = 0; s < SEATS; s++) received[passTarget(s, direction)] = passed[s]!;
  const finalHands: Card[][] = [];
  for (let s = 0; s < SEATS; s++) finalHands.push(mergeSorted(hands[s]!, received[s]!));
  const leader = holderOf(finalHands, TWO_OF_CLUBS);
  events.push({ type: 'passesExchanged', passDirection: direction });
  const after = copyState(state);
  after.phase = HeartsPhase.Playing;
  after.hands = finalHands;
  after.passed = passed;
  after.received = received;
  after.leader = leader;
  after.turn = leader;
  return { ok: true, state: after, events };
}

function trickWinner(trick: readonly Card[], leader: Seat): Seat {
  const led = suitCode(trick[leader]!);
  let best = leader;
  for (let s = 0; s < SEATS; s++) {
    const card = trick[s]!;
    if (suitCode(card) === led && card > trick[best]!) best = s;
  }
  return best;
}

function applyPlay(state: HeartsState, seat: Seat, card: Card): ApplyResult<HeartsState, HeartsEvent> {
  const events: HeartsEvent[] = [{ type: 'played', seat, card }];
  const hands = replaceAt(state.hands, seat, without(state.hands[seat]!, card));
  const trick = replaceAt(state.trick, seat, card);
  let heartsBroken = state.heartsBroken;
  if (!heartsBroken && isPointCard(card)) {
    // [H-08] A heart or the queen of spades played to any trick breaks hearts.
    heartsBroken = true;
    events.push({ type: 'heartsBroken', seat, card });
  }
  let voids = state.voids;
  const lead = state.trick[state.leader]!;
  if (lead >= 0 && suitCode(card) !== suitCode(lead)) {
    // [H-13] Not following suit shows the seat void in the led suit.
    voids = replaceAt(voids, seat, voids[seat]! | (1 << suitCode(lead)));
  }
  const next = (seat + 1) % SEATS;
  if (next !== state.leader) {
    const after = copyState(state);
    after.hands = hands;
    after.trick = trick;
    after.turn = next;
    after.heartsBroken = heartsBroken;
    after.voids = voids;
    return { ok: true, state: after, events };
  }
  // [H-09] The trick is complete: the highest card of the led suit takes it and leads next.
  const winner = trickWinner(trick, state.leader);
  const wonBy = state.wonBy.slice();
  let points = 0;
  for (let s = 0; s < SEATS; s++) {
    wonBy[trick[s]!] = winner;
    points += cardPoints(trick[s]!, state.options.jackOfDiamonds);
  }
  events.push({ type: 'trickWon', seat: winner, points });
  const handPoints = replaceAt(state.handPoints, winner, state.handPoints[winner]! + points);
  const tricksWon = replaceAt(state.tricksWon, winner, state.tricksWon[winner]! + 1);
  const tricksPlayed = state.tricksPlayed + 1;
  const after = copyState(state);
  after.hands = hands;
  after.trick = emptyTrick();
  after.lastTrick = trick;
  after.lastTrickWinner = winner;
  after.leader = winner;
  after.turn = winner;
  after.tricksPlayed = tricksPlayed;
  after.heartsBroken = heartsBroken;
  after.voids = voids;
  after.wonBy = wonBy;
  after.handPoints = handPoints;
  after.tricksWon = tricksWon;
  if (tricksPlayed < HAND_SIZE) return { ok: true, state: after, events };
  return { ok: true, state: scoreHand(after, events), events };
}

/** [H-11]/[H-12] Scores a finished hand, including the moon. */
export function handScore(wonBy: readonly number[], options: HeartsOptions): { points: number[]; moonShooter: Seat | -1 } {
  const raw = [0, 0, 0, 0];
  const penalty = [0, 0, 0, 0];
  for (let card = 0; card < DECK_SIZE; card++) {
    const s = wonBy[card]!;
    if (s < 0) continue;
    raw[s]! += cardPoints(card, options.jackOfDiamonds);
    if (isPointCard(card)) penalty[s]! += cardPoints(card, false);
  }
  const moonShooter = penalty.findIndex((p) => p === MOON_POINTS);
  if (moonShooter < 0) return { points: raw, moonShooter: -1 };
  // The shooter's 26 penalty points turn into 26 for everyone else (or -26 for the shooter).
  const points = raw.map((p, s) => {
    const bonus = p - penalty[s]!; // the jack of diamonds, when the variant is on
    if (s === moonShooter) return bonus + (options.moonSubtract ? -MOON_POINTS : 0);
    return bonus + (options.moonSubtract ? 0 : MOON_POINTS);
  });
  return { points, moonShooter };
}

function scoreHand(state: HeartsState, events: HeartsEvent[]): HeartsState {
  const { points, moonShooter } = handScore(state.wonBy, state.options);
  const scores = state.scores.map((score, s) => score + points[s]!);
  events.push({ type: 'handScored', points, moonShooter });
  const after = copyState(state);
  after.phase = HeartsPhase.HandOver;
  after.scores = scores;
  after.lastHandPoints = points;
  after.moonShooter = moonShooter;
  after.continued = [false, false, false, false];
  return after;
}

/** [H-14] The game ends after a hand when a score has reached the target. */
export function isGameEnding(state: Pick<HeartsState, 'scores' | 'options'>): boolean {
  return state.scores.some((score) => score >= state.options.target);
}

function applyContinue(state: HeartsState, seat: Seat): ApplyResult<HeartsState, HeartsEvent> {
  const continued = replaceAt(state.continued, seat, true);
  const events: HeartsEvent[] = [{ type: 'continued', seat }];
  const waiting = continued.some((c) => !c);
  if (waiting || isGameEnding(state)) {
    const after = copyState(state);
    after.continued = continued;
    if (!waiting) {
      after.phase = HeartsPhase.GameOver;
      events.push({ type: 'gameOver', winners: outcomeOf(state.scores).winners });
    }
    return { ok: true, state: after, events };
  }
  const rng = Rng.fromState(state.rng);
  const dealt = dealHand(state, rng, state.handNumber + 1);
  events.push({ type: 'handDealt', handNumber: dealt.handNumber, passDirection: passDirectionOf(dealt.handNumber) });
  return { ok: true, state: dealt, events };
}

/** [H-15] Lowest total wins; ties share the win; ranking lowest first, seat order within ties. */
export function outcomeOf(scores: readonly number[]): Outcome {
  const best = Math.min(...scores);
  const winners: Seat[] = [];
  scores.forEach((score, seat) => {
    if (score === best) winners.push(seat);
  });
  const ranking = scores.map((_, seat) => seat).sort((a, b) => scores[a]! - scores[b]! || a - b);
  return { scores: scores.slice(), winners, ranking };
}

// ---------------------------------------------------------------------------
// Views.

export type HeartsPublic = {
  readonly phase: HeartsPhase;
  readonly active: readonly number[];
  readonly handNumber: number;
  readonly passDirection: PassDirection;
  readonly passedSeats: readonly boolean[];
  readonly trick: readonly number[];
  readonly leader: number;
  readonly lastTrick: readonly number[];
  readonly lastTrickWinner: number;
  readonly heartsBroken: boolean;
  readonly firstTrick: boolean;
  readonly tricksPlayed: number;
  /** By card code: the seat that took it this hand, -1 if not taken yet. */
  readonly wonBy: readonly number[];
  readonly handPoints: readonly number[];
  readonly tricksWon: readonly number[];
  readonly handCounts: readonly number[];
  readonly scores: readonly number[];
  readonly voids: readonly number[];
  readonly lastHandPoints: readonly number[];
  readonly moonShooter: number;
  readonly continued: readonly boolean[];
  /** handOver: this was the last hand, the game ends when everyone continues. */
  readonly gameEnding: boolean;
  readonly target: number;
  readonly jackOfDiamonds: boolean;
  readonly moonSubtract: boolean;
};

export type HeartsPrivate = {
  readonly hand: readonly number[];
  /** The three cards this seat passed this hand (empty before passing and on hold hands). */
  readonly passed: readonly number[];
  /** The three cards it received (empty until the exchange). */
  readonly received: readonly number[];
};

export type HeartsView = GameView<HeartsPublic, HeartsPrivate>;

export function viewOf(state: HeartsState, seat: Seat | null): HeartsView {
  const mine = seat !== null && seat >= 0 && seat < SEATS ? seat : null;
  const pub: HeartsPublic = {
    phase: state.phase,
    active: activeSeatsOf(state).slice(),
    handNumber: state.handNumber,
    passDirection: passDirectionOf(state.handNumber),
    passedSeats: state.passed.map((p) => p.length > 0),
    trick: state.trick.slice(),
    leader: state.leader,
    lastTrick: state.lastTrick.slice(),
    lastTrickWinner: state.lastTrickWinner,
    heartsBroken: state.heartsBroken,
    firstTrick: state.tricksPlayed === 0,
    tricksPlayed: state.tricksPlayed,
    wonBy: state.wonBy.slice(),
    handPoints: state.handPoints.slice(),
    tricksWon: state.tricksWon.slice(),
    handCounts: state.hands.map((h) => h.length),
    scores: state.scores.slice(),
    voids: state.voids.slice(),
    lastHandPoints: state.lastHandPoints.slice(),
    moonShooter: state.moonShooter,
    continued: state.continued.slice(),
    gameEnding: state.phase === HeartsPhase.HandOver && isGameEnding(state),
    target: state.options.target,
    jackOfDiamonds: state.options.jackOfDiamonds,
    moonSubtract: state.options.moonSubtract,
  };
  return { seat: mine, public: pub, private: privateOf(state, mine) };
}

export function privateOf(state: HeartsState, seat: Seat | null): HeartsPrivate | null {
  if (seat === null || seat < 0 || seat >= SEATS) return null;
  return { hand: state.hands[seat]!.slice(), passed: state.passed[seat]!.slice(), received: state.received[seat]!.slice() };
}

export function contextOfView(view: HeartsView): TableContext {
  const pub = view.public;
  return {
    phase: pub.phase,
    active: pub.active,
    hand: view.private?.hand ?? [],
    trick: pub.trick,
    leader: pub.leader,
    heartsBroken: pub.heartsBroken,
    firstTrick: pub.firstTrick,
  };
}

