import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSnapshotStore, useSnapshot, type StateSource } from './snapshotStore';

/** A stand-in for a colyseus.js Room: a mutable state object and onStateChange listeners. */
function fakeRoom(initial: unknown) {
  const listeners = new Set<(state: unknown) => void>();
  const onStateChange = Object.assign((callback: (state: unknown) => void) => listeners.add(callback), {
    remove: (callback: (state: unknown) => void) => listeners.delete(callback),
  });
  const room = {
    state: initial,
    onStateChange,
    patch(next: unknown) {
      room.state = next;
      for (const listener of listeners) listener(next);
    },
    listenerCount: () => listeners.size,
  };
  return room as StateSource & typeof room;
}

interface Table {
  readonly seats: readonly { readonly name: string }[];
  readonly board: { readonly turn: number };
}

describe('snapshot store', () => {
  it('turns each patch into a new immutable snapshot with unchanged slices shared', () => {
    const room = fakeRoom({ seats: [{ name: 'Ana' }], board: { turn: 0 } });
    const store = createSnapshotStore<Table>();
    store.attach(room);
    const first = store.getSnapshot()!;
    expect(first.board.turn).toBe(0);
    room.patch({ seats: [{ name: 'Ana' }], board: { turn: 1 } });
    const second = store.getSnapshot()!;
    expect(second).not.toBe(first);
    expect(second.seats).toBe(first.seats);
    expect(first.board.turn).toBe(0);
    expect(Object.isFrozen(second.board)).toBe(true);
  });

  it('re-renders only the components whose slice changed', () => {
    const room = fakeRoom({ seats: [{ name: 'Ana' }], board: { turn: 0 } });
    const store = createSnapshotStore<Table>();
    store.attach(room);
    const renders = { seats: 0, board: 0 };
    function Seats() {
      const seats = useSnapshot(store, (t) => t?.seats);
      renders.seats++;
      return <p>seats: {seats?.map((s) => s.name).join(',')}</p>;
    }
    function Turn() {
      const turn = useSnapshot(store, (t) => t?.board.turn);
      renders.board++;
      return <p>turn: {turn}</p>;
    }
    render(
      <>
        <Seats />
        <Turn />
      </>,
    );
    expect(renders).toEqual({ seats: 1, board: 1 });

    act(() => room.patch({ seats: [{ name: 'Ana' }], board: { turn: 1 } }));
    expect(screen.getByText('turn: 1')).toBeTruthy();
    expect(renders).toEqual({ seats: 1, board: 2 });

    act(() => room.patch({ seats: [{ name: 'Ana' }, { name: 'Ben' }], board: { turn: 1 } }));
    expect(screen.getByText('seats: Ana,Ben')).toBeTruthy();
    expect(renders).toEqual({ seats: 2, board: 2 });
  });

  it('follows a new room after a reconnect and stops following the old one', () => {
    const old = fakeRoom({ seats: [], board: { turn: 0 } });
    const store = createSnapshotStore<Table>();
    const detach = store.attach(old);
    detach();
    expect(old.listenerCount()).toBe(0);
    const fresh = fakeRoom({ seats: [], board: { turn: 5 } });
    store.attach(fresh);
    expect(store.getSnapshot()?.board.turn).toBe(5);
    old.patch({ seats: [], board: { turn: 9 } });
    expect(store.getSnapshot()?.board.turn).toBe(5);
  });

  it('after a reconnect keeps showing the last table until the new room\'s full state arrives', () => {
    const store = createSnapshotStore<Table>();
    const detach = store.attach(fakeRoom({ seats: [{ name: 'Ana' }], board: { turn: 3 } }));
    detach();
    const arrived = (state: unknown) => (state as Table).seats.length > 0;
    // The new room's state as colyseus.js makes it at the join: empty until the full state comes.
    const fresh = fakeRoom({ seats: [], board: { turn: 0 } });
    store.attach(fresh, arrived);
    expect(store.getSnapshot()?.seats).toEqual([{ name: 'Ana' }]);
    expect(store.getSnapshot()?.board.turn).toBe(3);
    fresh.patch({ seats: [{ name: 'Ana' }], board: { turn: 4 } });
    expect(store.getSnapshot()?.board.turn).toBe(4);
    // A state that has arrived before the attach is shown at once.
    const late = fakeRoom({ seats: [{ name: 'Bo' }], board: { turn: 7 } });
    store.attach(late, arrived);
    expect(store.getSnapshot()?.seats).toEqual([{ name: 'Bo' }]);
  });

  it('reads schema instances through their toJSON', () => {
    const room = fakeRoom({ toJSON: () => ({ seats: [{ name: 'Cy' }], board: { turn: 2 } }) });
    const store = createSnapshotStore<Table>();
    store.attach(room);
    expect(store.getSnapshot()?.seats[0]?.name).toBe('Cy');
  });
});
