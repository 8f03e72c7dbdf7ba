import { describe, expect, it } from 'vitest';
import { flatJson } from './flatJson';

describe('flatJson', () => {
  it('is the JSON text of the value, names in any script included', () => {
    const notice = { type: 'notice', text: 'Zoë took seat 3 — 🂡 ♥', seat: 2, at: 1764950000000, nested: { list: [1, 'two', null] } };
    expect(flatJson(notice)).toBe(JSON.stringify(notice));
    expect(JSON.parse(flatJson(notice))).toEqual(notice);
  });
});
