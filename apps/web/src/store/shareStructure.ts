/**
 * Structural sharing between two plain JSON trees: every subtree of `next`
 * that equals the same subtree of `prev` is replaced by the `prev` object, so
 * React selectors see an unchanged identity for every slice a patch did not touch.
 */
export function shareStructure<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;

  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    const out = next.map((item: unknown, i) => {
      const shared = shareStructure(prev[i], item);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : Object.freeze(out)) as T;
  }
  if (Array.isArray(prev)) return next;

  const before = prev as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  let same = keys.length === Object.keys(before).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const shared = shareStructure(before[key], after[key]);
    if (!Object.prototype.hasOwnProperty.call(before, key) || shared !== before[key]) same = false;
    out[key] = shared;
  }
  return (same ? prev : Object.freeze(out)) as T;
}

/** Freezes a fresh tree so a component cannot mutate what other components share. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
