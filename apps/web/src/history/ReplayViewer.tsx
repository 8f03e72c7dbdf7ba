import { MoveSource, SeatKind, type FinishedGame, type HistoryPlayer, type SeatSnapshot } from '@deckhand/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { tablePartsOf } from '../games/registry';
import { describeEvents } from '../table/describeEvents';
import { SeatStandings } from '../table/HandSummary';
import { seatLabel } from '../table/SeatBadges';
import { DealCheckPanel } from './DealCheckPanel';
import { buildReplay, clampStep, viewsAt } from './replay';
import { ReplayBoard } from './ReplayBoard';
import { FinalScores, HandSummaries } from './ReplaySummary';
import './replay.css';

/** A finished game's players as the table's seats, so the table's own parts can draw them. */
export function seatsOf(players: readonly HistoryPlayer[]): SeatSnapshot[] {
  return [...players]
    .sort((a, b) => a.seat - b.seat)
    .map((player) => ({
      index: player.seat, playerId: '', name: player.name, kind: player.kind === 'human' ? SeatKind.Human : SeatKind.Bot,
      botLevel: player.kind === 'human' ? '' : (player.kind as SeatSnapshot['botLevel']), connected: true, reconnectDeadline: 0,
      away: false, timeouts: 0, program: false,
    }));
}

/** Arrow keys step, Home and End jump; not while typing or on the slider, which moves itself. */
function useStepKeys(step: (by: number) => void, jump: (to: 'first' | 'last') => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof Element && event.target.closest('input, select, textarea') !== null;
      if (event.altKey || event.ctrlKey || event.metaKey || typing) return;
      const action = { ArrowLeft: () => step(-1), ArrowRight: () => step(1), Home: () => jump('first'), End: () => jump('last') }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, jump]);
}

/**
 * Steps through a finished game: the deal, then every move, with every hand
 * face up, the hand summaries, the final scores and the deal check.
 */
export function ReplayViewer({ record }: { record: FinishedGame }) {
  const replay = useMemo(() => buildReplay(record), [record]);
  const seats = useMemo(() => seatsOf(record.players), [record.players]);
  const [current, setCurrent] = useState(0);
  const count = replay.ok ? replay.steps.length : 0;
  const step = useCallback((by: number) => setCurrent((at) => clampStep(at + by, count)), [count]);
  const jump = useCallback((to: 'first' | 'last') => setCurrent(to === 'first' ? 0 : count - 1), [count]);
  useStepKeys(step, jump);
  const parts = tablePartsOf(record.gameId);

  if (!replay.ok || !parts) {
    return (
      <p className="notice error" role="alert">
        {replay.ok ? `This page cannot draw ${replay.game.name}.` : replay.message}
      </p>
    );
  }
  const { game, steps, hands, refused } = replay;
  const at = steps[current]!;
  const { board, seatViews } = viewsAt(game, at, seats.length);
  const last = steps[steps.length - 1]!;
  const outcome = game.outcome(last.state);
  const handOver = board['phase'] === 'handOver';
  const Standings = parts.HandStandings ?? SeatStandings;
  const handNumber = typeof board['handNumber'] === 'number' ? board['handNumber'] : 1;
  const said =
    at.seat === null
      ? [`The deal: hand ${handNumber}.`]
      : describeEvents(record.gameId, { type: 'events', moveNumber: current, handNumber, seat: at.seat, by: MoveSource.Player, events: at.events }, seats);
  // A move whose events the log leaves unsaid (pressing Continue after a hand) still gets a line here.
  if (said.length === 0 && at.seat !== null) said.push(`${seatLabel(seats[at.seat], at.seat)} ${at.move?.type === 'continue' ? 'is ready for the next hand' : `made a move (${at.move?.type ?? '?'})`}.`);

  return (
    <div className="replay stack">
      <section className="replay-stage" aria-label="Replay">
        <div className="replay-controls" role="group" aria-label="Step through the game">
          <button type="button" className="small secondary" onClick={() => jump('first')} disabled={current === 0} aria-label="Start: the deal">
            Start
          </button>
          <button type="button" className="small" onClick={() => step(-1)} disabled={current === 0} aria-label="Back one move">
            ◀ Back
          </button>
          <input
            className="grow replay-scrub"
            type="range"
            min={0}
            max={steps.length - 1}
            value={current}
            onChange={(event) => setCurrent(clampStep(Number(event.target.value), steps.length))}
            aria-label="Move"
            aria-valuetext={current === 0 ? 'The deal' : `Move ${current} of ${steps.length - 1}`}
          />
          <button type="button" className="small" onClick={() => step(1)} disabled={current === steps.length - 1} aria-label="Forward one move">
            Forward ▶
          </button>
          <button type="button" className="small secondary" onClick={() => jump('last')} disabled={current === steps.length - 1} aria-label="End: the last move">
            End
          </button>
        </div>
        <p className="replay-where" data-testid="replay-step">
          <strong>{current === 0 ? 'The deal' : `Move ${current} of ${steps.length - 1}`}</strong> · Hand {handNumber}
          <span className="muted-light key-hint"> · ← → to step</span>
        </p>
        <p className="replay-said" aria-live="polite" data-testid="replay-said">
          {said.join(' ')}
        </p>
        <ReplayBoard game={game} parts={parts} seats={seats} board={board} seatViews={seatViews} lastSeat={at.seat} />
        {handOver && (
          <div className="panel stack replay-hand-summary" aria-label={`Hand ${handNumber} summary`}>
            <h3>Hand {handNumber} is over</h3>
            {parts.summaryNote?.({ board, seats, mySeat: null })}
            <div className="table-scroll">
              <Standings board={board} seats={seats} mySeat={null} />
            </div>
          </div>
        )}
      </section>
      {refused && (
        <p className="notice error" role="alert">
          The replay stops at move {refused.moveIndex + 1}: the rules refuse it ({refused.message}).
        </p>
      )}
      <div className="grid-2">
        <section className="panel stack" aria-labelledby="final-title">
          <h2 id="final-title">Final scores</h2>
          <FinalScores game={game} outcome={outcome} scores={record.scores} seats={seats} />
          <p className="muted">{parts.lowerIsBetter ? 'Lowest score wins.' : 'Highest score wins.'}</p>
        </section>
        <DealCheckPanel record={record} />
      </div>
      <section className="panel stack" aria-labelledby="hands-title">
        <h2 id="hands-title">Hand summaries</h2>
        <HandSummaries hands={hands} seats={seats} current={current} onShow={setCurrent} />
      </section>
    </div>
  );
}
