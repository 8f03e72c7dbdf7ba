/**
 * Issue 13 point 4, the fence: two processes never both show a table's
 * players a move. When a process goes to write an action and the table's log
 * already holds one at that place (another process took the table over while
 * this one stalled past its lease, and played on), nothing of that call may go
 * out: the log is what every process restores from, so a player shown an
 * action the log does not hold would see it undone. The store here plays the
 * other process: after the deal it writes the next place in the log itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@deckhand/protocol';
import { MemoryTableStore } from '../store/MemoryTableStore';
import type { LoggedAction } from '../store/TableStore';
import { bootServer, seatedTable, sleep, waitFor } from './harness';
import type { TestServer } from './harness';

/** A store in which "another process" takes the table's next place in the log when told to. */
class ContestedStore extends MemoryTableStore {
  contested = false;
  override async append(tableId: string, entries: readonly LoggedAction[]): Promise<void> {
    const first = entries[0];
    if (this.contested && first) {
      this.contested = false;
      await super.append(tableId, [{ seq: first.seq, at: first.at, action: { kind: 'chat', line: { id: 999, seat: null, playerId: 'other', name: 'Other', text: 'written by the other process', at: first.at } } }]);
    }
    return super.append(tableId, entries);
  }
}

const store = new ContestedStore();
let server: TestServer;
beforeAll(async () => {
  server = await bootServer(25772, {}, { store });
});
afterAll(async () => {
  await server.shutdown();
});

describe('the log fence', () => {
  it('a move whose place in the log another process took is never shown; its players are sent off to rejoin', async () => {
    const [ann, bob] = await seatedTable(server, 'crazy-eights', 2);
    ann!.send({ type: 'start' });
    await waitFor('the deal', () => ann!.snapshot().phase === 'playing' && bob!.snapshot().phase === 'playing');
    const player = [ann!, bob!].find((candidate) => candidate.legalMoves().length > 0)!;
    const before = ann!.snapshot().moveNumber;
    store.contested = true;
    player.send({ type: 'move', move: player.legalMoves()[0]! });
    await waitFor('both sent off', () => ann!.left !== null && bob!.left !== null);
    expect(ann!.left!.code).toBe(CloseCode.ServerShutdown);
    expect(bob!.left!.code).toBe(CloseCode.ServerShutdown);
    // Nobody saw the move: the last state each decoded is the one before it.
    expect(ann!.snapshot().moveNumber).toBe(before);
    expect(bob!.snapshot().moveNumber).toBe(before);
    // The log holds the other process's action at that place, and not this one's move.
    const [log] = await store.openTables();
    expect(log!.actions.at(-1)!.action).toMatchObject({ kind: 'chat', line: { text: 'written by the other process' } });
    expect(log!.actions.some((entry) => (entry.action as { kind: string }).kind === 'move')).toBe(false);
    await sleep(50);
  });
});
