/**
 * What a game adds to the generic table. Each game's folder under
 * `src/games/` exports one `GameTableParts`; `src/games/registry.ts` lists
 * them, one line per game. The table, the hand summary, the log and the home
 * page read only these, never a game id.
 */
import type { SeatSnapshot } from '@deckhand/protocol';
import type { AnyGame, Card, GameView, MoveBase, WireRecord, WireValue } from '@deckhand/rules';
import type { ComponentType, ReactNode } from 'react';
import type { Side } from './layout';

export type Board = Readonly<Record<string, WireValue>>;
export type MoveIntent = { readonly type: string; readonly [field: string]: unknown };

/** Everything a game's part may read about the table, and the way to send a move. */
export interface TablePartProps {
  readonly game: AnyGame;
  readonly view: GameView<WireRecord, WireRecord>;
  readonly board: Board;
  readonly mine: WireRecord | null;
  readonly seats: readonly SeatSnapshot[];
  /** Screen side of every seat, from the viewer's seat. */
  readonly sides: readonly Side[];
  readonly mySeat: number | null;
  readonly myTurn: boolean;
  readonly sendMove: (move: MoveIntent) => void;
}

/** Several cards picked at once (the Hearts pass): how many, the button's words, the move they make. */
export interface CardPick {
  readonly count: number;
  readonly buttonLabel: (picked: number) => string;
  readonly move: (cards: readonly Card[]) => MoveIntent;
}

/** One row of a standings table: a seat, or a side of partners. */
export interface StandingsProps {
  readonly board: Board;
  readonly seats: readonly SeatSnapshot[];
  readonly mySeat: number | null;
}

export interface GameTableParts {
  /** A few lines for the home page; the full rules are the game's RULES.md. */
  readonly howToPlay: readonly string[];
  /** True when the lowest score wins (said under the hand summary). */
  readonly lowerIsBetter: boolean;
  /** The middle of the felt: the trick, the piles, markers. */
  readonly Center: ComponentType<TablePartProps>;
  /**
   * Lays out the player's own hand in place of the generic row of cards, with
   * its own controls (Gin Rummy: the hand in melds the player can rearrange).
   */
  readonly Hand?: ComponentType<TablePartProps>;
  /** Controls and notes beside the hand (draw, pass, bids, what was passed). */
  readonly HandActions?: ComponentType<TablePartProps>;
  /** The status line when the game has its own words for the moment; null for the generic one. */
  readonly status?: (props: TablePartProps, activeNames: readonly string[]) => string | null;
  /** When the hand picks several cards now (a pass); null when it plays one card at a time. */
  readonly pick?: (props: TablePartProps) => CardPick | null;
  /** A short line under a seat's name (points this hand, passed, bid); words in `.word` drop out on a phone. */
  readonly seatNote?: (board: Board, seat: number) => ReactNode;
  /** When a card has several legal plays (an eight and the suit it names): what to ask and how to name each. */
  readonly playChoice?: {
    readonly title: (card: Card) => string;
    readonly label: (move: MoveBase) => ReactNode;
  };
  /** A line at the top of the hand summary (the moon was shot, who went out). */
  readonly summaryNote?: (props: StandingsProps) => ReactNode;
  /** Replaces the per-seat rows of the hand summary (a game of partners shows sides). */
  readonly HandStandings?: ComponentType<StandingsProps>;
  /** Log lines for one of the game's own events; undefined for the generic wording. */
  readonly describeEvent?: (event: Readonly<Record<string, unknown>>, nameOf: (seat: unknown) => string) => string[] | undefined;
}
