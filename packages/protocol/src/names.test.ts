import { describe, expect, it } from 'vitest';
import { ErrorCode } from './codes';
import { cleanChatText, parseName } from './names';

function refusal(input: unknown): string {
  const parsed = parseName(input);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(input)} as ${JSON.stringify(parsed.value)}`);
  expect(parsed.error.code).toBe(ErrorCode.BadName);
  return parsed.error.message;
}

describe('parseName: the attacks of issue 11', () => {
  it.each([
    ['Host plus a zero-width joiner', 'Host\u200D'],
    ['a zero-width space inside', 'Ho\u200Bst'],
    ['a zero-width non-joiner', 'Ho\u200Cst'],
    ['a word joiner', 'Host\u2060'],
    ['a byte order mark', '\uFEFFHost'],
    ['a byte order mark inside', 'Ho\uFEFFst'],
    ['a right-to-left override', '\u202EtsoH'],
    ['a left-to-right isolate', 'Ann\u2066Bob\u2069'],
    ['a right-to-left mark', 'Host\u200F'],
    ['an Arabic letter mark', 'Host\u061C'],
    ['a soft hyphen', 'Ho\u00ADst'],
    ['a Hangul filler that renders blank', '\u3164'],
    ['a Hangul filler beside a name', 'Host\u3164'],
    ['tag characters', 'Host\u{E0041}'],
  ])('refuses %s as invisible', (_what, input) => {
    expect(refusal(input)).toMatch(/invisible characters/);
  });

  it('refuses lone surrogates, whichever half', () => {
    expect(refusal('Host\uD800')).toMatch(/broken character/);
    expect(refusal('\uDC00Host')).toMatch(/broken character/);
  });

  it('refuses control characters, line and paragraph separators', () => {
    for (const input of ['Ann\nBob', 'Ann\u0007', 'Ann\u0085', 'Ann\u2028Bob', 'Ann\u2029']) {
      expect(refusal(input)).toMatch(/control characters/);
    }
  });

  it('refuses unassigned and private-use characters', () => {
    expect(refusal('Host\u0378')).toMatch(/standard meaning/);
    expect(refusal('Host\uE000')).toMatch(/standard meaning/);
  });

  it('stores NFKC: full-width, mathematical and ligature letters become plain ones', () => {
    expect(parseName('Ｈｏｓｔ')).toEqual({ ok: true, value: 'Host' });
    expect(parseName('𝐇𝐨𝐬𝐭')).toEqual({ ok: true, value: 'Host' });
    expect(parseName('ﬁona')).toEqual({ ok: true, value: 'fiona' });
    // Composed and decomposed accents are one name.
    expect(parseName('Jose\u0301')).toEqual(parseName('Jos\u00E9'));
  });

  it('collapses runs of spaces (any kind) and trims', () => {
    expect(parseName(' Ann \u00A0\u3000 Lee ')).toEqual({ ok: true, value: 'Ann Lee' });
  });

  it('keeps names people really have, and emoji', () => {
    for (const name of ['Ann', 'Zoë', 'Łukasz', 'Алёна', 'محمد', '张伟', 'Ann ❤️', 'José María']) {
      expect(parseName(name), name).toMatchObject({ ok: true });
    }
  });

  it('counts length after normalising: a name of invisible characters alone is not empty, it is refused', () => {
    expect(refusal('\u200B\u200B')).toMatch(/invisible/);
    expect(refusal('   ')).toMatch(/1 to 20 characters/);
  });
});

describe('cleanChatText', () => {
  it('drops direction overrides and zero-width characters, so a line cannot hide or reorder text', () => {
    expect(cleanChatText('gg \u202Egnp.exe\u202C')).toBe('gg gnp.exe');
    expect(cleanChatText('pa\u200Bss\u200D\u2060 the \uFEFFqueen')).toBe('pass the queen');
    expect(cleanChatText('\u2066hi\u2069')).toBe('hi');
  });

  it('keeps emoji sequences whole, their joiners and presentation selectors included', () => {
    expect(cleanChatText('👩\u200D💻 nice ❤️')).toBe('👩\u200D💻 nice ❤️');
    expect(cleanChatText('👍🏽\u200D')).toBe('👍🏽');
  });

  it('turns control characters into spaces and lone surrogates into the replacement character', () => {
    expect(cleanChatText('a\nb\u2028c')).toBe('a b c');
    expect(cleanChatText('x\uD800y')).toBe('x\uFFFDy');
  });
});
