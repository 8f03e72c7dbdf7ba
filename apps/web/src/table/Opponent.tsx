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

/** Another player around the table: card backs and count, name, score, connection, whose turn. */
export const Opponent = memo(function Opponent(props: OpponentProps) {
  const { seat, position, cardCount, score, active, isHost, deadline, turnSeconds, extra, emote } = props;
  const name = seatLabel(seat, seat.index);
  return (
    <section
      className={`opponent pos-${position}${active ? ' active' : ''}`}
      aria-label={`${name}, ${cardCount} card${cardCount === 1 ? '' : 's'}, score ${score}${active ? ', to play' : ''}`}
      data-seat={seat.index}
    >
      <div className="row" style={{ justifyContent: 'center', position: 'relative' }}>
        {active && <CountdownRing deadline={deadline} totalSeconds={turnSeconds} />}
        <span className="name">{name}</span>
        {emote && <span className="emote-pop" aria-hidden="true">{emote}</span>}
      </div>
      <div className="row" style={{ justifyContent: 'center' }}>
        <SeatBadges seat={seat} isHost={isHost} isMe={false} />
      </div>
      <div className="backs" aria-hidden="true">
        {Array.from({ length: Math.min(cardCount, MAX_BACKS) }, (_, i) => (
          <CardBack key={i} />
        ))}
      </div>
      <div className="meta">
        {cardCount} card{cardCount === 1 ? '' : 's'} · score {score}
        {extra ? <> · {extra}</> : null}
      </div>
    </section>
  );
});
