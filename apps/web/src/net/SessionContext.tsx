import { snapshotFromState, type TableSnapshot } from '@deckhand/protocol';
import { createContext, useContext } from 'react';
import { useSnapshot } from '../store/snapshotStore';
import type { TableSession } from './TableSession';

export const SessionContext = createContext<TableSession | null>(null);

export function useSession(): TableSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a table');
  return session;
}

/** The snapshot before the first patch: every field at its empty value. */
export const EMPTY_TABLE: TableSnapshot = snapshotFromState({});

/**
 * One slice of the table. Select a slice or a primitive (not a new object):
 * the component then re-renders only when that slice changes.
 */
export function useTable<R>(selector: (table: TableSnapshot) => R): R {
  const session = useSession();
  return useSnapshot(session.table, (table) => selector(table ?? EMPTY_TABLE));
}
