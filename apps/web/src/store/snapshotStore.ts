import { useSyncExternalStore } from 'react';
import { deepFreeze, shareStructure } from './shareStructure';

/** The part of a colyseus.js Room the store needs; a fake in tests. */
export interface StateSource {
  readonly state: unknown;
  onStateChange: ((callback: (state: unknown) => void) => unknown) & {
    remove: (callback: (state: unknown) => void) => void;
  };
}

/**
 * Turns the decoded, mutable Colyseus state into a chain of immutable snapshots.
 * Each patch produces a new root, but every slice the patch did not touch keeps
 * its identity, so selectors over unchanged slices do not re-render.
 */
export interface SnapshotStore<T> {
  getSnapshot(): T | null;
  subscribe(listener: () => void): () => void;
  /**
   * Follows a room's patches; after a reconnect attach the new Room. Returns a
   * detach function. The room's current state is shown at once only if
   * `arrived` says it holds a full state: colyseus.js makes `room.state` at
   * the join, empty, and the full state follows in a message of its own, so
   * showing it at once would blank the table (a player's hand) for that gap.
   */
  attach(source: StateSource, arrived?: (state: unknown) => boolean): () => void;
  /** Forgets the current table (left, kicked). */
  reset(): void;
}

export function createSnapshotStore<T>(project: (state: unknown) => T = toPlain as (state: unknown) => T): SnapshotStore<T> {
  let snapshot: T | null = null;
  const listeners = new Set<() => void>();

  const publish = (state: unknown): void => {
    const next = shareStructure(snapshot, deepFreeze(project(state)));
    if (next === snapshot) return;
    snapshot = next;
    for (const listener of listeners) listener();
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach(source, arrived = () => true) {
      const onChange = (state: unknown): void => publish(state);
      source.onStateChange(onChange);
      // The first full state may already have arrived before we attached.
      if (source.state !== undefined && source.state !== null && arrived(source.state)) publish(source.state);
      return () => source.onStateChange.remove(onChange);
    },
    reset() {
      if (snapshot === null) return;
      snapshot = null;
      for (const listener of listeners) listener();
    },
  };
}

/** Schema instances know how to become plain JSON; anything else is taken as it is. */
export function toPlain(state: unknown): unknown {
  if (typeof state === 'object' && state !== null && 'toJSON' in state && typeof state.toJSON === 'function') {
    return (state as { toJSON(): unknown }).toJSON();
  }
  return state;
}

/**
 * Reads one slice of a store's snapshot. The selector must return a slice of
 * the snapshot (or a primitive): a freshly built object would change on every
 * read. Derived values are memoised on the slice identity by the caller.
 */
export function useSnapshot<T, R>(store: SnapshotStore<T>, selector: (snapshot: T | null) => R): R {
  const read = (): R => selector(store.getSnapshot());
  return useSyncExternalStore(store.subscribe, read, read);
}
