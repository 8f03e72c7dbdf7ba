import { useEffect, useState } from 'react';

/** Seconds left until an epoch-ms deadline, ticking while mounted; null when there is no deadline. */
export function useSecondsLeft(deadline: number): number | null {
  const [tick, setTick] = useState(() => ({ deadline, now: Date.now() }));
  useEffect(() => {
    if (deadline <= 0) return undefined;
    const timer = setInterval(() => setTick({ deadline, now: Date.now() }), 250);
    return () => clearInterval(timer);
  }, [deadline]);
  if (deadline <= 0) return null;
  // A new deadline is measured from now, never from a tick taken before it existed (that read
  // "101 s" for a 60 s grace period, counting from when the screen opened).
  const now = tick.deadline === deadline ? tick.now : Date.now();
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

const RADIUS = 11;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** A ring that empties as the server's deadline approaches, with the seconds left inside. */
export function CountdownRing({ deadline, totalSeconds }: { deadline: number; totalSeconds: number }) {
  const left = useSecondsLeft(deadline);
  if (left === null || totalSeconds <= 0) return null;
  const fraction = Math.min(1, left / totalSeconds);
  return (
    <svg className="ring" viewBox="0 0 28 28" role="timer" aria-label={`${left} seconds left`}>
      <circle className="track" cx="14" cy="14" r={RADIUS} />
      <circle
        className="left"
        cx="14"
        cy="14"
        r={RADIUS}
        strokeDasharray={CIRCUMFERENCE}
        strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
      />
      <text x="14" y="14">{left}</text>
    </svg>
  );
}
