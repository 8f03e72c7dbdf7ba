/**
 * @colyseus/schema 3.0 ends every patch by giving each structure it encoded a
 * fresh change set (`{ indexes: {}, operations: [] }`), a fresh
 * `indexedOperations` record and, for a list, a fresh copy of its items and a
 * fresh `deletedIndexes` record. Those live until the table's next move, about
 * a second, so every young collection in between copies them and some reach
 * the old generation: at 1,250 tables they were about 47 of the 109 objects a
 * table kept alive from one move to the next (BENCHMARKS.md, "Limits").
 *
 * `reuseChangeSets` keeps the change set and its operations list, emptied,
 * and the list's copy, refilled; only the two index records are made anew,
 * empty (emptying them in place kept each one's capacity for its highest
 * field index, for every structure of every table: 15-16 KiB more live heap a
 * table at 1,250 tables, which every full collection marks). The schema reads
 * a change set only through its `indexes`, `operations` and `queueRootNode`,
 * and nothing keeps one across the end of a patch (`Encoder.discardChanges`
 * is its last reader), so the result is indistinguishable from new records.
 * The patches stay byte for byte the same: `reuseChangeSets.test.ts` plays
 * seeded games through the room's mirror with and without it and compares
 * every patch of every view.
 *
 * Measured at 1,250 tables (one-step capacity runs with `--trace-gc-nvp`,
 * 12-06 00:01-00:56 UTC): a young collection found 9.8 MB alive with this
 * against 11.2 and 11.6 MB with the library's own methods (6.9-9.0 MB when the
 * index records were emptied in place too, at the cost above). Live heap a
 * table at 1,000 tables: 124.7 KiB with this and `tableView` (the small lists
 * keep their few slots) against 118.2 KiB without either (BENCHMARKS.md).
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

/** Whether a record has any key (without making a key list). */
function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
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
    // The index records are made anew (two empty objects): emptied ones would keep the capacity of the
    // highest field index they held, for every structure of every table, between moves.
    this['indexedOperations'] = {};
    set.indexes = {};
    set.operations.length = 0;
    set.queueRootNode = undefined;
    const ref = this.ref as unknown as Record<string, (() => void) | undefined>;
    ref[ON_ENCODE_END]?.();
    this['isNew'] = false;
  };
  arrayProto[ON_ENCODE_END] = function onEncodeEnd(this: ArrayInternals): void {
    const { items, tmpItems } = this;
    tmpItems.length = items.length;
    for (let i = 0; i < items.length; i++) tmpItems[i] = items[i];
    if (hasKeys(this.deletedIndexes)) this.deletedIndexes = {};
  };

  installed = () => {
    treeProto['endEncode'] = originalEndEncode;
    arrayProto[ON_ENCODE_END] = originalArrayEnd;
    installed = null;
  };
  return installed;
}
