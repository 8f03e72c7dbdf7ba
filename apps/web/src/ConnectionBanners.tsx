import { useTable } from './net/SessionContext';
import { useSecondsLeft } from './table/Countdown';

/*
 * The banners are live regions: a screen reader speaks each change. The
 * seconds tick in a part it does not read, so it hears the news once (and
 * how long the seat is held), not a number every second.
 */

/** Our own seat is held by the server: count down what is left of its grace period, from the drop. */
/** `restarting`: the server said it is going down for a restart (4104), so the seat is kept across it. */
export function ReconnectBanner({ since, deadline, restarting }: { since: number; deadline: number; restarting: boolean }) {
  const left = useSecondsLeft(deadline) ?? 0;
  const seconds = Math.round((deadline - since) / 1000);
  return (
    <div className="banner" role="status" data-testid="reconnecting">
      <span className="visually-hidden">{restarting ? 'The server is restarting.' : 'Connection lost.'} Your seat is held for {seconds} seconds while this page reconnects.</span>
      <span aria-hidden="true">
        {restarting && 'The server is restarting; your seat is kept. '}
        Reconnecting… ({left} s)
      </span>
    </div>
  );
}

/** Someone else's seat is held for them: say so with the server's countdown. */
export function HeldSeatsBanner() {
  const seats = useTable((t) => t.seats);
  const dropped = seats.find((seat) => seat.kind === 'human' && !seat.connected && seat.reconnectDeadline > 0);
  const left = useSecondsLeft(dropped?.reconnectDeadline ?? 0);
  if (!dropped || left === null) return null;
  return (
    <div className="banner" role="status" data-testid="held-seat">
      <span className="visually-hidden">{dropped.name} lost the connection. Their seat is held while they reconnect.</span>
      <span aria-hidden="true">
        {dropped.name} lost the connection. Seat held: reconnecting… ({left} s)
      </span>
    </div>
  );
}
