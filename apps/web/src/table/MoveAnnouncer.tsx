import type { GameEventsMessage } from '@deckhand/protocol';
import { useEffect, useRef, useState } from 'react';
import { useSession, useTable } from '../net/SessionContext';
import { describeEvents } from './describeEvents';

/** What a screen reader hears as it happens: every play, who took a trick, how a hand and the game ended. */
const ANNOUNCED: ReadonlySet<string> = new Set(['played', 'trickWon', 'handScored', 'gameOver']);

/** Lines kept in the region: new ones are added (and spoken), old ones drop off. */
const KEEP = 4;

/**
 * A polite live region fed by the moves this page sees happen (never the log
 * history a reload brings: that was said before). Lines are appended, so
 * each is spoken once even when moves come quickly.
 */
export function MoveAnnouncer() {
  const session = useSession();
  const gameId = useTable((t) => t.gameId);
  const seats = useTable((t) => t.seats);
  const [lines, setLines] = useState<readonly { id: number; text: string }[]>([]);
  const nextId = useRef(1);
  useEffect(
    () =>
      session.onEvents((message: GameEventsMessage) => {
        const spoken = describeEvents(gameId, { ...message, events: message.events.filter((event) => ANNOUNCED.has(event.type)) }, seats);
        if (spoken.length === 0) return;
        setLines((prev) => [...prev, { id: nextId.current++, text: spoken.join(' ') }].slice(-KEEP));
      }),
    [session, gameId, seats],
  );
  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-relevant="additions" aria-label="Moves as they happen" data-testid="announcer">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
