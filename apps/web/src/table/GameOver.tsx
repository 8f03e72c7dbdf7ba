import type { OutcomeSnapshot, SeatSnapshot } from '@deckhand/protocol';
import { useEffect, useRef } from 'react';
import { gamePath } from '../history/gameLinks';
import { ShareLink } from '../history/ShareLink';
import { seatLabel } from './SeatBadges';

interface GameOverProps {
  readonly gameName: string;
  readonly outcome: OutcomeSnapshot;
  readonly seats: readonly SeatSnapshot[];
  readonly mySeat: number | null;
  readonly seed: string;
  readonly seedHash: string;
  readonly isHost: boolean;
  readonly onRematch: () => void;
  readonly onLobby: () => void;
  readonly onLeave: () => void;
  /** The table's sides (the rules' `sidesOf`): partners share a row, a score and the win. */
  readonly sides: readonly (readonly number[])[];
  /** The finished game's history id once the server stored it (`gameSaved`); null until then. */
  readonly replayId: string | null;
}

/** Final standings, the replay link once the game is stored, the revealed seed (to check the deal against the hash shown at the start) and rematch. */
export function GameOver(props: GameOverProps) {
  const { gameName, outcome, seats, mySeat, seed, seedHash, isHost, onRematch, onLobby, onLeave, sides, replayId } = props;
  const bySides = sides.some((side) => side.length > 1);
  // One row per side, in the order of the outcome's ranking of their seats.
  const rows = outcome.ranking
    .map((seat) => sides.find((side) => side.includes(seat)) ?? [seat])
    .filter((side, index, all) => all.indexOf(side) === index);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const won = mySeat !== null && outcome.winners.includes(mySeat);
  return (
    <div className="overlay" role="dialog" aria-labelledby="game-over-title">
      <div className="panel stack">
        <h2 id="game-over-title" ref={heading} tabIndex={-1}>
          Game over{won ? ': you won!' : ''}
        </h2>
        <p className="muted">{gameName}</p>
        <table className="standings" aria-label="Final standings">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{bySides ? 'Side' : 'Player'}</th>
              <th className="num">Score</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((side, place) => (
              <tr key={side[0]} className={outcome.winners.includes(side[0]!) ? 'winner' : ''}>
                <td className="num">{place + 1}</td>
                <td>
                  {side.map((seat) => seatLabel(seats[seat], seat)).join(' & ')}
                  {mySeat !== null && side.includes(mySeat) ? ' (you)' : ''}
                  {outcome.winners.includes(side[0]!) && <> <span className="badge host">winner{side.length > 1 ? 's' : ''}</span></>}
                </td>
                <td className="num">{outcome.scores[side[0]!] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {replayId !== null && (
          <div className="row game-over-replay" data-testid="game-over-replay">
            {/* A new tab: the table, and the host's rematch, stay where they are. */}
            <a className="button-link" href={gamePath(replayId)} target="_blank" rel="noopener">
              Watch the replay<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            <ShareLink id={replayId} label="Copy share link" />
          </div>
        )}
        <details>
          <summary>Check the deal</summary>
          <p className="muted">The seed was hidden while you played; its hash was shown when the cards were dealt.</p>
          <p>
            Seed: <span className="seed" data-testid="seed">{seed || '(not revealed)'}</span>
          </p>
          <p>
            SHA-256: <span className="seed">{seedHash}</span>
          </p>
        </details>
        <div className="row">
          {isHost ? (
            <>
              <button type="button" onClick={onRematch}>
                Rematch
              </button>
              <button type="button" className="secondary" onClick={onLobby}>
                Back to lobby
              </button>
            </>
          ) : (
            <span className="muted">Waiting for the host to start a rematch…</span>
          )}
          <button type="button" className="secondary" onClick={onLeave}>
            Leave table
          </button>
        </div>
      </div>
    </div>
  );
}
