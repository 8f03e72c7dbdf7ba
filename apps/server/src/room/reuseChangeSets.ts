/**
 * @colyseus/schema 3.0 ends every patch by giving each structure it encoded a
 * fresh change set (`{ indexes: {}, operations: [] }`), a fresh
 * `indexedOperations` record and, for a list, a fresh copy of its items and a
 * fresh `deletedIndexes` record. Those live until the table's next move, about
 * a second, so every young collection in between copies them and some reach
 * the old generation: at 1,250 tables they were about 47 of the 109 objects a
 * table kept alive from one move to the next (BENCHMARKS.md, "Limits").
 *
 * `reuseChangeSets` empties the same objects instead. The schema reads a change
 * set only through its `indexes`, `operations` and `queueRootNode`, and nothing
 * keeps one across the end of a patch (`Encoder.discardChanges` is its last
 * reader), so an emptied set is indistinguishable from a new one. The patches
 * stay byte for byte the same: `reuseChangeSets.test.ts` plays seeded games
 * through the room's mirror with and without it and compares every patch of
 * every view.
 *
 * Measured at 1,250 tables (one-step capacity runs with `--trace-gc-nvp`,
 * alternating): a young collection found 9.0 and 6.9 MB alive against 11.2
 * and 11.6 MB, and paused 21 ms on average against 27-32 ms. The emptied
 * records keep their capacity between moves: about 7 KiB more live heap a
 * table.
 *
 * Installed once per process, before the first room; `undo` puts the
 * library's own methods back (tests).
 */
import { ArraySchema, ChangeTree } from '@colyseus/schema';
import type { ChangeSetName } from '@colyseus/schema';

interface MutableChangeSet {
  indexes: Record<number, number>;
  operations: number[];
  queueRootNode?: unknown;
}

/** The same string key the library uses for the end-of-patch hook (`~onEncodeEnd`); it is not exported. */
const ON_ENCODE_END = '~onEncodeEnd';

interface ArrayInternals {
  items: unknown[];
  tmpItems: unknown[];
  deletedIndexes: Record<number, boolean>;
}

/**
 * Change sets of up to this many operations are emptied in place; a larger
 * one (a new deal: a hand and the board rewritten) is replaced, as the
 * library does, so an emptied record never holds a deal's capacity.
 */
const REUSE_UP_TO = 16;

function clearRecord(record: Record<number, unknown>): void {
  for (const key in record) delete record[key];
}

let installed: (() => void) | null = null;

/** Empties change sets in place at the end of each patch; returns how to undo it. Safe to call twice. */
export function reuseChangeSets(): () => void {
  if (installed) return installed;
  const treeProto = ChangeTree.prototype as unknown as Record<string, unknown>;
  const arrayProto = ArraySchema.prototype as unknown as Record<string, unknown>;
  const originalEndEncode = treeProto['endEncode'];
  const originalArrayEnd = arrayProto[ON_ENCODE_END];
  if (typeof originalEndEncode !== 'function' || typeof originalArrayEnd !== 'function') {
    throw new Error('@colyseus/schema changed its encoder internals: review room/reuseChangeSets.ts before upgrading');
  }

  treeProto['endEncode'] = function endEncode(this: ChangeTree & Record<string, unknown>, changeSetName: ChangeSetName): void {
    const set = this[changeSetName] as unknown as MutableChangeSet;
    if (set.operations.length > REUSE_UP_TO) {
      // A deal or a reset: new records, so the emptied ones do not keep that size between moves.
      this['indexedOperations'] = {};
      (this as Record<string, unknown>)[changeSetName] = { indexes: {}, operations: [], queueRootNode: undefined };
    } else {
      clearRecord(this['indexedOperations'] as Record<number, unknown>);
      clearRecord(set.indexes);
      set.operations.length = 0;
      set.queueRootNode = undefined;
    }
    const ref = this.ref as unknown as Record<string, (() => void) | undefined>;
    ref[ON_ENCODE_END]?.();
    this['isNew'] = false;
  };
  arrayProto[ON_ENCODE_END] = function onEncodeEnd(this: ArrayInternals): void {
    const { items, tmpItems } = this;
    tmpItems.length = items.length;
    for (let i = 0; i < items.length; i++) tmpItems[i] = items[i];
    clearRecord(this.deletedIndexes);
  };

  installed = () => {
    treeProto['endEncode'] = originalEndEncode;
    arrayProto[ON_ENCODE_END] = originalArrayEnd;
    installed = null;
  };
  return installed;
}
