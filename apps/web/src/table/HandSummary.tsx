import type { SeatSnapshot } from '@deckhand/protocol';
import { useEffect, useRef } from 'react';
import { flag, flags, num, nums } from './boardFields';
import { useSecondsLeft } from './Countdown';
import type { Board, GameTableParts, StandingsProps } from './gameParts';
import { seatLabel } from './SeatBadges';

interface HandSummaryProps {
  readonly parts: GameTableParts;
  readonly board: Board;
  readonly seats: readonly SeatSnapshot[];
  readonly mySeat: number | null;
  readonly deadline: number;
  readonly onContinue: (() => void) | null;
}

/** Between hands: points of the hand just played, running scores, and Continue. */
export function HandSummary({ parts, board, seats, mySeat, deadline, onContinue }: HandSummaryProps) {
  const left = useSecondsLeft(deadline);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const Standings = parts.HandStandings ?? SeatStandings;

  return (
    <div className="overlay" role="dialog" aria-labelledby="hand-summary-title">
      <div className="panel stack">
        <h2 id="hand-summary-title">Hand {num(board, 'handNumber', 1)} is over</h2>
        {parts.summaryNote?.({ board, seats, mySeat })}
        <Standings board={board} seats={seats} mySeat={mySeat} />
        <p className="muted">
          {parts.lowerIsBetter ? 'Lowest score wins.' : 'Highest score wins.'}
          {flag(board, 'gameEnding') ? ' That was the last hand.' : ''}
          {left !== null ? ` Next hand in ${left}s.` : ''}
        </p>
        <div className="row">
          {onContinue ? (
            <button ref={button} type="button" onClick={onContinue}>
              Continue
            </button>
          ) : (
            <span className="muted">Waiting for the others…</span>
          )}
        </div>
      </div>
    </div>
  );
}

/** Points of the hand just played and running scores, a row per seat. */
export function SeatStandings({ board, seats, mySeat }: StandingsProps) {
  const handPoints = nums(board, 'lastHandPoints');
  const scores = nums(board, 'scores');
  const continued = flags(board, 'continued');
  return (
    <table className="standings">
      <thead>
        <tr>
          <th>Player</th>
          <th className="num">This hand</th>
          <th className="num">Total</th>
          <th><span className="visually-hidden">Ready</span></th>
        </tr>
      </thead>
      <tbody>
        {seats.map((seat: SeatSnapshot) => (
          <tr key={seat.index}>
            <td>
              {seatLabel(seat, seat.index)}
              {seat.index === mySeat ? ' (you)' : ''}
            </td>
            <td className="num">{handPoints[seat.index] ?? 0}</td>
            <td className="num">{scores[seat.index] ?? 0}</td>
            <td>{continued[seat.index] ? '✓ ready' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
