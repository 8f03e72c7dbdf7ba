import type { SeatSnapshot } from '@deckhand/protocol';
import { sortCards, type AnyGame, type GameView, type WireRecord } from '@deckhand/rules';
import { useMemo, type ReactNode } from 'react';
import { CardFace } from '../cards/PlayingCard';
import { nums } from '../table/boardFields';
import type { GameTableParts, TablePartProps } from '../table/gameParts';
import { seatSides, type Side } from '../table/layout';
import { SeatBadges, seatLabel } from '../table/SeatBadges';

interface ReplayBoardProps {
  readonly game: AnyGame;
  readonly parts: GameTableParts;
  readonly seats: readonly SeatSnapshot[];
  readonly board: WireRecord;
  readonly seatViews: readonly GameView<WireRecord, WireRecord>[];
  /** The seat whose move led to this step (null at the deal). */
  readonly lastSeat: number | null;
}

const nothingToSend = () => undefined;

/**
 * The table at one step of a replay, every hand face up: the game's own
 * centre of the felt (the trick, the piles, the showdown), drawn by the same
 * table part a live game uses, with each seat's hand around it.
 */
export function ReplayBoard({ game, parts, seats, board, seatViews, lastSeat }: ReplayBoardProps) {
  const sides: Side[] = useMemo(() => seatSides(seats.length, 0), [seats.length]);
  const active = nums(board, 'active');
  const scores = nums(board, 'scores');
  // A spectator's view of the table: the centre reads only public fields, and no move can be sent.
  const partProps: TablePartProps = {
    game, view: { seat: null, public: board, private: null }, board, mine: null, seats, sides, mySeat: null, myTurn: false,
    sendMove: nothingToSend,
  };
  const { Center } = parts;
  const handAt = (side: Side) =>
    seats
      .filter((seat) => sides[seat.index] === side)
      .map((seat) => (
        <SeatHand
          key={seat.index}
          seat={seat}
          side={side}
          hand={nums(seatViews[seat.index]?.private ?? null, 'hand')}
          score={scores[seat.index] ?? 0}
          active={active.includes(seat.index)}
          moved={lastSeat === seat.index}
          note={parts.seatNote?.(board, seat.index)}
        />
      ));
  return (
    <div className="felt replay-felt" data-testid="replay-board">
      <div className="pos-top">{handAt('top')}</div>
      <div className="pos-left">{handAt('left')}</div>
      <div className="center">
        <Center {...partProps} />
      </div>
      <div className="pos-right">{handAt('right')}</div>
      <div className="pos-bottom">{handAt('bottom')}</div>
    </div>
  );
}

interface SeatHandProps {
  readonly seat: SeatSnapshot;
  readonly side: Side;
  readonly hand: readonly number[];
  readonly score: number;
  readonly active: boolean;
  readonly moved: boolean;
  readonly note: ReactNode;
}

/** One seat in a replay: name, score, whose turn, and the hand face up. */
function SeatHand({ seat, side, hand, score, active, moved, note }: SeatHandProps) {
  const name = seatLabel(seat, seat.index);
  const cards = useMemo(() => sortCards(hand), [hand]);
  return (
    <section
      className={`replay-seat pos-${side}${active ? ' active' : ''}${moved ? ' moved' : ''}`}
      aria-label={`${name}, ${cards.length} card${cards.length === 1 ? '' : 's'}, score ${score}${active ? ', to play' : ''}`}
      data-seat={seat.index}
    >
      <div className="replay-seat-line">
        <span className="name">{name}</span>
        <SeatBadges seat={seat} isHost={false} isMe={false} />
        <span className="meta">
          score {score}
          {note ? <> · {note}</> : null}
        </span>
      </div>
      <div className="replay-hand" role="group" aria-label={`${name}'s hand`} data-testid={`replay-hand-${seat.index}`}>
        {cards.length === 0 ? <span className="muted-light">no cards</span> : cards.map((card) => <CardFace key={card} card={card} />)}
      </div>
    </section>
  );
}
