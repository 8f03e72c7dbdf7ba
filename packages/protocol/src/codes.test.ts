import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS, CODE_ALPHABET, CloseCode, isTableCode, parseTableCode } from './codes';

describe('table codes', () => {
  it('use no vowels and no look-alike characters', () => {
    expect(CODE_ALPHABET).not.toMatch(/[AEIOU01IL]/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('parse what a person types', () => {
    expect(parseTableCode(' bcd-fg ')).toBe('BCDFG');
    expect(parseTableCode('BCDF')).toBeNull();
    expect(parseTableCode('BCDFA')).toBeNull();
    expect(isTableCode('23456')).toBe(true);
  });
});

describe('close codes', () => {
  it('are application codes with a sentence each, clear of the ones Colyseus uses', () => {
    for (const code of Object.values(CloseCode)) {
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThan(5000);
      expect([4000, 4002, 4010, 4201, 4202]).not.toContain(code);
      expect(CLOSE_REASONS[code].length).toBeGreaterThan(10);
    }
  });
});
