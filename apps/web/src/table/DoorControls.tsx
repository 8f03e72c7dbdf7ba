import { useSession, useTable } from '../net/SessionContext';

/** The host's answer to each newcomer knocking at the locked table; nothing for anyone else. */
export function KnockPrompt() {
  const session = useSession();
  const knocking = useTable((t) => t.knocking);
  const iAmHost = useTable((t) => t.hostId !== '' && t.hostId === session.playerId);
  if (!iAmHost || knocking.length === 0) return null;
  return (
    <div className="banner knock" role="alert" data-testid="knock-prompt">
      {knocking.map((knocker) => (
        <div key={knocker.playerId} className="row">
          <span className="grow">
            <strong>{knocker.name}</strong> is knocking.
          </span>
          <button type="button" className="small" onClick={() => session.send({ type: 'admit', playerId: knocker.playerId })}>
            Let in
          </button>
          <button type="button" className="small danger" onClick={() => session.send({ type: 'refuse', playerId: knocker.playerId })}>
            Refuse
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * Locked: newcomers knock and the host lets them in. The host toggles it; the
 * others see whether the table is locked.
 */
export function LockToggle({ compact = false }: { compact?: boolean }) {
  const session = useSession();
  const locked = useTable((t) => t.locked);
  const iAmHost = useTable((t) => t.hostId !== '' && t.hostId === session.playerId);
  if (!iAmHost) {
    if (!locked || compact) return null;
    return <p className="muted">The table is locked: the host lets newcomers in.</p>;
  }
  return (
    <div className={compact ? 'door-bar' : 'row'}>
      <label className="row grow" style={{ gap: '0.5rem' }}>
        <input
          type="checkbox"
          checked={locked}
          onChange={(event) => session.send({ type: 'lock', locked: event.target.checked })}
          data-testid="lock-toggle"
        />
        {/* On a phone the bar shares the header's line: the short words only. */}
        {locked ? (
          <span>
            Locked<span className="word">: newcomers knock and you let them in</span>
          </span>
        ) : (
          <span>
            Lock<span className="word"> the</span> table<span className="word"> (newcomers must knock)</span>
          </span>
        )}
      </label>
    </div>
  );
}
