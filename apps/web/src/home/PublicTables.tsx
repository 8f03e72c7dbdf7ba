import { RoomName } from '@deckhand/protocol';
import { findGame } from '@deckhand/rules';
import type { Client, Room, RoomAvailable } from 'colyseus.js';
import { useEffect, useState } from 'react';

/** What the server puts in a table's lobby metadata; every field may be missing on an older server. */
interface TableMetadata {
  readonly gameId?: string;
  readonly gameName?: string;
  readonly hostName?: string;
  readonly phase?: string;
  readonly seatsTaken?: number;
  readonly seatsTotal?: number;
}

/** The live list of public tables, from the Colyseus lobby room. */
export function usePublicTables(client: Client): { tables: readonly RoomAvailable<TableMetadata>[]; error: boolean } {
  const [tables, setTables] = useState<readonly RoomAvailable<TableMetadata>[]>([]);
  const [error, setError] = useState(false);
  useEffect(() => {
    let room: Room | null = null;
    let cancelled = false;
    client
      .joinOrCreate(RoomName.Lobby)
      .then((joined) => {
        // Handlers first: the lobby sends the list at once, even to a join we are about to leave.
        joined.onMessage('rooms', (rooms: RoomAvailable<TableMetadata>[]) => {
          if (!cancelled) setTables(rooms.filter((r) => r.name === RoomName.Table));
        });
        joined.onMessage('+', ([roomId, added]: [string, RoomAvailable<TableMetadata>]) => {
          if (cancelled || added.name !== RoomName.Table) return;
          setTables((prev) => {
            const index = prev.findIndex((r) => r.roomId === roomId);
            return index < 0 ? [...prev, added] : prev.map((r, i) => (i === index ? added : r));
          });
        });
        joined.onMessage('-', (roomId: string) => {
          if (!cancelled) setTables((prev) => prev.filter((r) => r.roomId !== roomId));
        });
        if (cancelled) void joined.leave();
        else room = joined;
      })
      .catch(() => setError(true));
    return () => {
      cancelled = true;
      void room?.leave();
    };
  }, [client]);
  return { tables, error };
}

export function PublicTables({ client, onJoin }: { client: Client; onJoin: (code: string) => void }) {
  const { tables, error } = usePublicTables(client);
  return (
    <section className="panel" aria-labelledby="public-title">
      <h2 id="public-title">Public tables</h2>
      {error && <p className="muted">The list of tables is unavailable right now.</p>}
      {!error && tables.length === 0 && <p className="muted">No public tables right now. Create one!</p>}
      <ul className="table-list" aria-live="polite">
        {tables.map((table) => {
          const meta = table.metadata ?? {};
          const game = meta.gameId ? findGame(meta.gameId) : undefined;
          const seats = meta.seatsTotal ?? table.maxClients;
          const taken = meta.seatsTaken ?? table.clients;
          return (
            <li key={table.roomId}>
              <span className="grow">
                <strong>{game?.name ?? meta.gameName ?? 'Table'}</strong>
                {meta.hostName ? ` · ${meta.hostName}` : ''} · {taken}/{seats} seated
                {meta.phase && meta.phase !== 'lobby' ? ' · playing' : ''}
              </span>
              <span className="code">{table.roomId}</span>
              <button type="button" className="small" onClick={() => onJoin(table.roomId)} aria-label={`Join ${game?.name ?? 'table'} ${table.roomId}`}>
                Join
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
