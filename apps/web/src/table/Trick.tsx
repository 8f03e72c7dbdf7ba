import type { SeatSnapshot } from '@deckhand/protocol';
import { useEffect, useRef, useState } from 'react';
import { CardFace } from '../cards/PlayingCard';
import { num, nums } from './boardFields';
import type { Board } from './gameParts';
import type { Side } from './layout';
import { seatLabel } from './SeatBadges';

/** How long a completed trick stays in view before it is collected. */
const SHOW_FULL_TRICK_MS = 900;

/**
 * The current trick of a trick-taking game, each card at its seat's side, read
 * from the public `trick`, `lastTrick`, `lastTrickWinner` and `tricksPlayed`.
 * When a trick completes the board already holds the next one, so the finished
 * trick stays in view a moment, then flies to its winner's side. Each card
 * comes in from its player's side. (Reduced motion: no movement.)
 */
export function Trick({ board, seats, sides }: { board: Board; seats: readonly SeatSnapshot[]; sides: readonly Side[] }) {
  const trick = nums(board, 'trick');
  const lastTrick = nums(board, 'lastTrick');
  const lastWinner = num(board, 'lastTrickWinner');
  const tricksPlayed = num(board, 'tricksPlayed', 0);
  const [review, setReview] = useState(false);
  const [showing, setShowing] = useState<'none' | 'full' | 'collect'>('none');
  const seenTricks = useRef(tricksPlayed);

  useEffect(() => {
    if (tricksPlayed > seenTricks.current && lastTrick.some((card) => card >= 0)) {
      setShowing('full');
      const collect = setTimeout(() => setShowing('collect'), SHOW_FULL_TRICK_MS);
      const done = setTimeout(() => setShowing('none'), SHOW_FULL_TRICK_MS + 300);
      seenTricks.current = tricksPlayed;
      return () => {
        clearTimeout(collect);
        clearTimeout(done);
      };
    }
    seenTricks.current = tricksPlayed;
    return undefined;
  }, [tricksPlayed, lastTrick]);

  const newTrickStarted = trick.some((card) => card >= 0);
  const shown = showing !== 'none' && !newTrickStarted ? lastTrick : trick;
  const collecting = showing === 'collect' && !newTrickStarted;

  return (
    <>
      <div
        className={`trick${collecting ? ' collecting' : ''}`}
        role="group"
        aria-label="Current trick"
        data-testid="trick"
        data-winner-side={collecting && lastWinner >= 0 ? sides[lastWinner] : undefined}
      >
        {shown.map((card, seat) =>
          card >= 0 ? (
            <div key={`${seat}-${card}`} className={`slot slot-${sides[seat] ?? 'bottom'} enter`} data-seat={seat}>
              <CardFace card={card} />
              <span className="visually-hidden">played by {seatLabel(seats[seat], seat)}</span>
            </div>
          ) : null,
        )}
      </div>
      {lastWinner >= 0 && lastTrick.some((card) => card >= 0) && (
        <div className="row" style={{ justifyContent: 'center' }}>
          <button type="button" className="small secondary" aria-expanded={review} onClick={() => setReview(!review)}>
            Last trick
          </button>
          {review && (
            <div className="last-trick" role="group" aria-label={`Last trick, taken by ${seatLabel(seats[lastWinner], lastWinner)}`}>
              {lastTrick.map((card, seat) => (card >= 0 ? <CardFace key={seat} card={card} /> : null))}
              <span>→ {seatLabel(seats[lastWinner], lastWinner)}</span>
            </div>
          )}
        </div>
      )}
    </>
  );
}
