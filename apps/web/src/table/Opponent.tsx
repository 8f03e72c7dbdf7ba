import type { SeatSnapshot } from '@deckhand/protocol';
import { memo, type ReactNode } from 'react';
import { CardBack } from '../cards/PlayingCard';
import { CountdownRing } from './Countdown';
import { SeatBadges, seatLabel } from './SeatBadges';

interface OpponentProps {
  readonly seat: SeatSnapshot;
  readonly position: 'left' | 'top' | 'right' | 'bottom';
  readonly cardCount: number;
  readonly score: number;
  readonly active: boolean;
  readonly isHost: boolean;
  readonly deadline: number;
  readonly turnSeconds: number;
  /** Game-specific line (points this hand, passed). */
  readonly extra?: ReactNode;
  readonly emote?: string | null;
}

const MAX_BACKS = 8;

/** Where a seat sits, as an arrow: on a phone the opponents share one strip, so the arrow ties each to its side of the trick. */
const SIDE_ARROW: Readonly<Record<OpponentProps['position'], string>> = { left: '◂', top: '▴', right: '▸', bottom: '▾' };

/**
 * Another player around the table: name, card count and score on one line
 * (the only line a phone shows), then the backs of their cards.
 */
export const Opponent = memo(function Opponent(props: OpponentProps) {
  const { seat, position, cardCount, score, active, isHost, deadline, turnSeconds, extra, emote } = props;
  const name = seatLabel(seat, seat.index);
  return (
    <section
      className={`opponent pos-${position}${active ? ' active' : ''}`}
      aria-label={`${name}, ${cardCount} card${cardCount === 1 ? '' : 's'}, score ${score}${active ? ', to play' : ''}`}
      data-seat={seat.index}
    >
      <div className="opponent-line">
        {active && <CountdownRing deadline={deadline} totalSeconds={turnSeconds} />}
        <span className="side-arrow" aria-hidden="true">
          {SIDE_ARROW[position]}
        </span>
        <span className="name">{name}</span>
        <SeatBadges seat={seat} isHost={isHost} isMe={false} />
        {emote && <span className="emote-pop" aria-hidden="true">{emote}</span>}
        <span className="meta">
          <span className="count">
            <span className="mini-back" aria-hidden="true" />
            {cardCount}
            <span className="word"> card{cardCount === 1 ? '' : 's'}</span>
          </span>
          {' · '}
          <span className="word">score </span>
          {score}
          <span className="phone-only"> pts</span>
          {extra ? <span className="extra"> · {extra}</span> : null}
        </span>
      </div>
      <div className="backs" aria-hidden="true">
        {Array.from({ length: Math.min(cardCount, MAX_BACKS) }, (_, i) => (
          <CardBack key={i} />
        ))}
      </div>
    </section>
  );
});
