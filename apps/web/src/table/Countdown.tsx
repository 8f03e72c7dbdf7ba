import { useEffect, useState } from 'react';

/** Seconds left until an epoch-ms deadline, ticking while mounted; null when there is no deadline. */
export function useSecondsLeft(deadline: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline <= 0) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [deadline]);
  if (deadline <= 0) return null;
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
