import { useEffect, useRef } from 'react';
import { useSession } from '../net/SessionContext';
import { useValue } from '../store/valueStore';

/** Recent happenings at the table, newest last ("Ana played the queen of spades"). */
export function EventLog() {
  const session = useSession();
  const lines = useValue(session.log);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [lines]);
  return (
    <section className="log" aria-label="Table log">
      <h3>Log</h3>
      <ol ref={list} data-testid="event-log" tabIndex={0} aria-label="Log entries">
        {lines.length === 0 && <li className="muted">Nothing yet.</li>}
        {lines.map((line) => (
          <li key={line.id}>{line.text}</li>
        ))}
      </ol>
    </section>
  );
}
