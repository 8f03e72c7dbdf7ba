import { SeatKind, type SeatSnapshot } from '@deckhand/protocol';
import { useSecondsLeft } from './Countdown';

export function seatLabel(seat: SeatSnapshot | undefined, index: number): string {
  if (!seat || seat.kind === SeatKind.Empty) return `Seat ${index + 1}`;
  return seat.name || `Seat ${index + 1}`;
}

/** Bot, bot program, host, "you" and connection badges for a seat; shared by the lobby and the table. */
export function SeatBadges({ seat, isHost, isMe }: { seat: SeatSnapshot; isHost: boolean; isMe: boolean }) {
  const left = useSecondsLeft(seat.connected ? 0 : seat.reconnectDeadline);
  return (
    <>
      {isMe && <span className="badge you">you</span>}
      {isHost && <span className="badge host">host</span>}
      {seat.kind === SeatKind.Bot && (
        <span className="badge bot" title={`Bot, ${seat.botLevel} level`}>
          bot · {seat.botLevel}
        </span>
      )}
      {seat.kind === SeatKind.Human && seat.program && (
        <span className="badge program" title="A bot program, seated over the network by its author">
          bot program
        </span>
      )}
      {seat.kind === SeatKind.Human && !seat.connected && (
        <span className="badge off">{left !== null ? `reconnecting ${left}s` : 'offline'}</span>
      )}
      {seat.kind === SeatKind.Human && seat.away && <span className="badge off">away</span>}
    </>
  );
}
