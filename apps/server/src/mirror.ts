/**
 * Copies a game's flat view record into schema, touching only what changed,
 * so a move costs a few bytes per client instead of a whole view.
 */
import type { ArraySchema } from '@colyseus/schema';
import type { WireRecord, WireValue } from '@deckhand/rules';
import { NumberList } from './TableState';
import type { WireRecordState } from './TableState';

type ListKind = 'list' | 'flags';

function listKindOf(target: WireRecordState, key: string, value: readonly (number | boolean)[]): ListKind {
  if (value.length > 0) return typeof value[0] === 'boolean' ? 'flags' : 'list';
  // An empty list has no element type: keep the kind it had, numbers otherwise.
  return target.flags.has(key) ? 'flags' : 'list';
}

/** Brings `items` to `next` with the fewest operations for the usual moves (push, pop, one card removed, clear). */
export function mirrorList(list: ArraySchema<number> | number[], next: readonly number[]): void {
  // The schema builder types array fields as number[]; at run time they are ArraySchema.
  const items = list as ArraySchema<number>;
  const length = items.length;
  if (next.length === 0) {
    if (length > 0) items.clear();
    return;
  }
  if (next.length === length - 1) {
    // One card left a hand: delete it rather than shift every card after it.
    let index = 0;
    while (index < next.length && items[index] === next[index]) index++;
    let rest = index;
    while (rest < next.length && items[rest + 1] === next[rest]) rest++;
    if (rest === next.length) {
      items.splice(index, 1);
      return;
    }
  }
  const common = Math.min(length, next.length);
  for (let index = 0; index < common; index++) {
    if (items[index] !== next[index]) items[index] = next[index]!;
  }
  for (let index = length; index < next.length; index++) items.push(next[index]!);
  for (let index = length; index > next.length; index--) items.pop();
}

/**
 * Called with each list instance the mirror creates. A view-filtered record
 * needs it: an instance attached after `view.add(record)` is not in the view
 * until added itself.
 */
export type OnCreated = (list: NumberList) => void;

function setList(target: WireRecordState, kind: ListKind, key: string, values: readonly number[], created?: OnCreated): void {
  const other: ListKind = kind === 'list' ? 'flags' : 'list';
  if (target[other].has(key)) target[other].delete(key);
  let list = target[kind].get(key);
  if (!list) {
    list = new NumberList();
    list.items.push(...values);
    target[kind].set(key, list);
    created?.(list);
    return;
  }
  mirrorList(list.items, values);
}

function removeScalar(target: WireRecordState, keep: 'num' | 'str' | 'flag' | null, key: string): void {
  if (keep !== 'num' && target.num.has(key)) target.num.delete(key);
  if (keep !== 'str' && target.str.has(key)) target.str.delete(key);
  if (keep !== 'flag' && target.flag.has(key)) target.flag.delete(key);
}

function mirrorValue(target: WireRecordState, key: string, value: WireValue, created?: OnCreated): void {
  if (typeof value === 'number') {
    removeScalar(target, 'num', key);
    removeLists(target, key);
    if (target.num.get(key) !== value) target.num.set(key, value);
  } else if (typeof value === 'string') {
    removeScalar(target, 'str', key);
    removeLists(target, key);
    if (target.str.get(key) !== value) target.str.set(key, value);
  } else if (typeof value === 'boolean') {
    removeScalar(target, 'flag', key);
    removeLists(target, key);
    if (target.flag.get(key) !== value) target.flag.set(key, value);
  } else {
    removeScalar(target, null, key);
    const kind = listKindOf(target, key, value);
    const numbers = kind === 'flags' ? (value as readonly boolean[]).map((bit) => (bit ? 1 : 0)) : (value as readonly number[]);
    setList(target, kind, key, numbers, created);
  }
}

function removeLists(target: WireRecordState, key: string): void {
  if (target.list.has(key)) target.list.delete(key);
  if (target.flags.has(key)) target.flags.delete(key);
}

/** Makes `target` hold exactly `record`. */
export function mirrorRecord(target: WireRecordState, record: WireRecord, created?: OnCreated): void {
  for (const [key, value] of Object.entries(record)) mirrorValue(target, key, value, created);
  for (const map of [target.num, target.str, target.flag, target.list, target.flags] as const) {
    for (const key of [...map.keys()]) {
      if (!Object.hasOwn(record, key)) map.delete(key);
    }
  }
}

export function clearRecord(target: WireRecordState): void {
  mirrorRecord(target, {});
}
