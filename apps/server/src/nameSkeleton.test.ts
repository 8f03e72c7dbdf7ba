import { describe, expect, it } from 'vitest';
import { nameClash, nameSkeleton } from './nameSkeleton';

describe('nameSkeleton', () => {
  it('reads case, width, styled letters, look-alike scripts and digits the way a person does', () => {
    const host = nameSkeleton('Host');
    for (const lookAlike of ['HOST', 'host', 'Ｈｏｓｔ', '𝐇𝐨𝐬𝐭', 'Ноѕт', 'Hоst', 'H0st', 'Host\u200D', ' Host ']) {
      expect(nameSkeleton(lookAlike), lookAlike).toBe(host);
    }
  });

  it('tells different names apart', () => {
    for (const other of ['Hosts', 'Ghost', 'Hast', 'Hôst']) expect(nameSkeleton(other), other).not.toBe(nameSkeleton('Host'));
  });
});

describe('nameClash', () => {
  const table = [
    { playerId: 'a', name: 'Host' },
    { playerId: '', name: 'Bot 2' },
  ];
  it('names the seat whose name reads the same, never the asker itself', () => {
    expect(nameClash('Ноѕт', 'b', table)).toBe('Host');
    expect(nameClash('bot 2', 'b', table)).toBe('Bot 2');
    expect(nameClash('Host', 'a', table)).toBeNull();
    expect(nameClash('Ann', 'b', table)).toBeNull();
    // A capital I is an l in the confusables table: in small letters the names agree.
    expect(nameClash('CYRIL', 'b', [{ playerId: 'c', name: 'Cyril' }])).toBe('Cyril');
    expect(nameClash('AIex', 'b', [{ playerId: 'c', name: 'Alex' }])).toBe('Alex');
    expect(nameClash('Cyrus', 'b', [{ playerId: 'c', name: 'Cyril' }])).toBeNull();
  });
});
