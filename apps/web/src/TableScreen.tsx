import { ErrorCode, TablePhase } from '@deckhand/protocol';
import { findGame, sidesOf } from '@deckhand/rules';
import type { Client } from 'colyseus.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HeldSeatsBanner, ReconnectBanner } from './ConnectionBanners';
import { TableLobby } from './lobby/TableLobby';
import { rememberDealHash } from './history/dealHashes';
import { ensureGuest, GuestError, savedGuest, savedName } from './net/identity';
import { SessionContext, useSession, useTable } from './net/SessionContext';
import { ConnectionKind, joinFailureText, TableSession } from './net/TableSession';
import { tableLinkProblem } from './net/tableLink';
import { useValue } from './store/valueStore';
import { describeEvents } from './table/describeEvents';
import { GameOver } from './table/GameOver';
import { GameTable } from './table/GameTable';
import { KnockPrompt, LockToggle } from './table/DoorControls';
import { NoticeLine } from './table/NoticeLine';
import { LinkFailure } from './LinkFailure';

interface TableScreenProps {
  readonly client: Client;
  readonly code: string;
  /** The session that created this table, if this tab did. */
  readonly session: TableSession | null;
  readonly onSession: (session: TableSession) => void;
  readonly onLeave: () => void;
}

type Opening =
  | { kind: 'checking' }
  | { kind: 'needName' }
  | { kind: 'opening' }
  /** At a locked table, waiting for the host's answer. */
  | { kind: 'knocking'; session: TableSession }
  | { kind: 'open'; session: TableSession }
  | { kind: 'failed'; text: string };

/**
 * `/t/CODE`: checks the table is open (a bad link says so before anything
 * else), asks for a name if this device has none, joins (or reconnects),
 * then shows the lobby or the game.
 */
export function TableScreen({ client, code, session, onSession, onLeave }: TableScreenProps) {
  const [opening, setOpening] = useState<Opening>(() => (session ? { kind: 'open', session } : { kind: 'checking' }));
  const started = useRef(false);

  const open = async (name?: string) => {
    setOpening({ kind: 'opening' });
    try {
      const guest = name !== undefined ? await ensureGuest(name) : (savedGuest() ?? (await ensureGuest(savedName())));
      let fresh = new TableSession(client, guest);
      const knocking = () => setOpening({ kind: 'knocking', session: fresh });
      try {
        await fresh.open(code, knocking);
      } catch (error) {
        if (joinFailureText(error).code !== ErrorCode.BadToken) throw error;
        fresh = new TableSession(client, await ensureGuest(guest.name, { fresh: true }));
        await fresh.open(code, knocking);
      }
      onSession(fresh);
      setOpening({ kind: 'open', session: fresh });
    } catch (error) {
      setOpening({ kind: 'failed', text: error instanceof GuestError ? error.message : joinFailureText(error).text });
    }
  };

  const begin = async () => {
    setOpening({ kind: 'checking' });
    const problem = await tableLinkProblem(code);
    if (problem !== null) setOpening({ kind: 'failed', text: problem });
    else if (savedGuest()) await open();
    else setOpening({ kind: 'needName' });
  };

  useEffect(() => {
    // Guarded so React's development double-mount does not join twice.
    if (started.current || opening.kind !== 'checking') return;
    started.current = true;
    void begin();
  }, []);

  switch (opening.kind) {
    case 'checking':
      return (
        <main className="page">
          <p className="panel" role="status">
            Looking for table <span className="code">{code}</span>…
          </p>
        </main>
      );
    case 'needName':
      return <NamePrompt code={code} onSubmit={(name) => void open(name)} />;
    case 'opening':
      return (
        <main className="page">
          <p className="panel" role="status">
            Joining table <span className="code">{code}</span>…
          </p>
        </main>
      );
    case 'knocking':
      return (
        <main className="page stack">
          <p className="panel" role="status" data-testid="knocking">
            Table <span className="code">{code}</span> is locked. You knocked: waiting for the host to let you in…
          </p>
          <div className="row">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                opening.session.stopKnocking();
                onLeave();
              }}
            >
              Stop waiting
            </button>
          </div>
        </main>
      );
    case 'failed':
      return <LinkFailure text={opening.text} onRetry={() => void begin()} onHome={onLeave} />;
    case 'open':
      return (
        <SessionContext.Provider value={opening.session}>
          <OpenTable onLeave={onLeave} onRejoin={() => void open()} />
        </SessionContext.Provider>
      );
    default: {
      const never: never = opening;
      return never;
    }
  }
}

function NamePrompt({ code, onSubmit }: { code: string; onSubmit: (name: string) => void }) {
  const [name, setName] = useState(savedName);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(name);
  };
  return (
    <main className="page">
      <form className="panel stack" onSubmit={submit} style={{ maxWidth: 420, margin: '0 auto' }}>
        <h1 style={{ fontSize: '1.3rem' }}>
          Join table <span className="code">{code}</span>
        </h1>
        <div>
          <label htmlFor="prompt-name">Your name</label>
          <input id="prompt-name" value={name} maxLength={40} autoFocus autoComplete="nickname" onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit">Join</button>
      </form>
    </main>
  );
}

function OpenTable({ onLeave, onRejoin }: { onLeave: () => void; onRejoin: () => void }) {
  const session = useSession();
  const connection = useValue(session.connection);
  const loaded = useTable((t) => t.code !== '');
  const phase = useTable((t) => t.phase);
  const gameId = useTable((t) => t.gameId);
  const seats = useTable((t) => t.seats);
  const outcome = useTable((t) => t.outcome);
  const mySeat = useTable((t) => t.mySeat);
  const seed = useTable((t) => t.seed);
  const seedHash = useTable((t) => t.seedHash);
  const hostId = useTable((t) => t.hostId);
  const replayId = useValue(session.savedGame);

  // Kept so a replay of this game can show the hash it checks is the one published at this deal.
  useEffect(() => {
    if (phase === TablePhase.Playing) rememberDealHash(seedHash);
  }, [phase, seedHash]);

  // The log speaks in names, which the table knows.
  useEffect(() => {
    session.describeEvents = (message) => describeEvents(gameId, message, seats);
  }, [session, gameId, seats]);

  if (connection.kind === ConnectionKind.Closed) {
    return (
      <main className="page stack">
        <p className="notice error" role="alert" data-testid="closed-message">
          {connection.message}
        </p>
        <div className="row">
          {connection.canRejoin && (
            <button type="button" onClick={onRejoin}>
              Rejoin
            </button>
          )}
          <button type="button" className="secondary" onClick={onLeave}>
            Home
          </button>
        </div>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main className="page">
        <p className="panel" role="status">
          Loading the table…
        </p>
      </main>
    );
  }
  const game = findGame(gameId);
  return (
    <div className="table-page">
      {connection.kind === ConnectionKind.Reconnecting && (
        <ReconnectBanner since={connection.since} deadline={connection.deadline} restarting={connection.restarting} />
      )}
      <HeldSeatsBanner />
      <KnockPrompt />
      {phase !== TablePhase.Lobby && <LockToggle compact />}
      {phase === TablePhase.Lobby ? (
        <div style={{ background: '#eef1f4', color: 'var(--ink)', flex: 1 }}>
          <NoticeLine />
          <TableLobby onLeave={onLeave} />
        </div>
      ) : (
        <GameTable>
          {phase === TablePhase.GameOver && outcome && (
            <GameOver
              gameName={game?.name ?? gameId}
              outcome={outcome}
              seats={seats}
              mySeat={mySeat}
              seed={seed}
              seedHash={seedHash}
              isHost={hostId !== '' && hostId === session.playerId}
              onRematch={() => session.send({ type: 'rematch' })}
              onLobby={() => session.send({ type: 'toLobby' })}
              onLeave={onLeave}
              sides={game ? sidesOf(game, seats.length) : seats.map((seat) => [seat.index])}
              replayId={replayId}
            />
          )}
        </GameTable>
      )}
    </div>
  );
}
