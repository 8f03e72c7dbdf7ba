import type { SeatSnapshot } from '@deckhand/protocol';
import { sidesOf, type AnyGame, type Outcome } from '@deckhand/rules';
import { seatLabel } from '../table/SeatBadges';
import type { HandEnd } from './replay';

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

/** Every hand of the game in one table: its points and the running totals, and a button to see the table then. */
export function HandSummaries(props: {
  hands: readonly HandEnd[];
  seats: readonly SeatSnapshot[];
  current: number;
  onShow: (step: number) => void;
}) {
  const { hands, seats, current, onShow } = props;
  if (hands.length === 0) return <p className="muted">No hand was finished.</p>;
  return (
    <div className="table-scroll">
      <table className="standings" aria-label="Hand summaries">
        <thead>
          <tr>
            <th>Hand</th>
            {seats.map((seat) => (
              <th key={seat.index} className="num">
                {seatLabel(seat, seat.index)}
              </th>
            ))}
            <th>
              <span className="visually-hidden">Show</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hands.map((hand) => (
            <tr key={hand.step} className={hand.step === current ? 'current' : ''}>
              <td>{hand.handNumber}</td>
              {seats.map((seat) => (
                <td key={seat.index} className="num">
                  {signed(hand.points[seat.index] ?? 0)} <span className="muted">({hand.totals[seat.index] ?? 0})</span>
                </td>
              ))}
              <td>
                <button type="button" className="small secondary" onClick={() => onShow(hand.step)} aria-label={`Show the end of hand ${hand.handNumber}`}>
                  Show
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Final standings by side (partners share a row), best first, as the rules ranked them. */
export function FinalScores({ game, outcome, scores, seats }: { game: AnyGame; outcome: Outcome | null; scores: readonly number[]; seats: readonly SeatSnapshot[] }) {
  const sides = sidesOf(game, seats.length);
  const ranking = outcome?.ranking ?? seats.map((seat) => seat.index);
  const rows = ranking
    .map((seat) => sides.find((side) => side.includes(seat)) ?? [seat])
    .filter((side, index, all) => all.indexOf(side) === index);
  const winners = outcome?.winners ?? [];
  return (
    <table className="standings" aria-label="Final scores">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>{sides.some((side) => side.length > 1) ? 'Side' : 'Player'}</th>
          <th className="num">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((side, place) => (
          <tr key={side[0]} className={winners.includes(side[0]!) ? 'winner' : ''}>
            <td className="num">{place + 1}</td>
            <td>
              {side.map((seat) => seatLabel(seats[seat], seat)).join(' & ')}
              {winners.includes(side[0]!) && (
                <>
                  {' '}
                  <span className="badge host">winner{side.length > 1 ? 's' : ''}</span>
                </>
              )}
            </td>
            <td className="num">{scores[side[0]!] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
