import { describe, expect, it } from 'vitest';
import { ErrorCode, Limits } from './codes';
import { CLIENT_MESSAGE_TYPES, parseClientMessage } from './messages';
import { parseName } from './names';

describe('parseClientMessage', () => {
  it('accepts each well-formed message and keeps its fields', () => {
    expect(parseClientMessage('move', { move: { type: 'play', card: 12 } })).toEqual({
      ok: true,
      value: { type: 'move', move: { type: 'play', card: 12 } },
    });
    expect(parseClientMessage('addBot', { seat: 2, level: 'easy' })).toEqual({
      ok: true,
      value: { type: 'addBot', seat: 2, level: 'easy' },
    });
    expect(parseClientMessage('addBot', { seat: 3, level: 'hard' })).toMatchObject({ ok: true, value: { level: 'hard' } });
    expect(parseClientMessage('start', undefined)).toEqual({ ok: true, value: { type: 'start' } });
    expect(parseClientMessage('configure', { turnSeconds: 15, options: { target: 50 } })).toMatchObject({ ok: true });
  });

  it('names an unknown type instead of throwing', () => {
    const result = parseClientMessage('explode', {});
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownType } });
    expect(parseClientMessage(7, {})).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownType } });
    for (const inherited of ['toString', '__proto__', 'constructor']) {
      expect(parseClientMessage(inherited, {})).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownType } });
    }
  });

  it('checks every listed type against its own schema', () => {
    for (const type of CLIENT_MESSAGE_TYPES) {
      const result = parseClientMessage(type, { seat: 'x' });
      if (result.ok) expect(result.value.type).toBe(type);
      else expect(result.error.code).toBe(ErrorCode.BadMessage);
    }
  });

  it('refuses malformed payloads with a readable reason', () => {
    const cases: [string, unknown][] = [
      ['move', 'play'],
      ['move', { move: 'QS' }],
      ['move', { move: { card: 3 } }],
      ['addBot', { seat: -1, level: 'easy' }],
      ['addBot', { seat: 1.5, level: 'easy' }],
      ['addBot', { seat: 1, level: 'expert' }],
      ['configure', { turnSeconds: 45 }],
      ['configure', { visibility: 'secret' }],
      ['kick', { playerId: '' }],
      ['chat', { text: 42 }],
      ['sit', [1]],
      ['swapSeats', { seat: 1 }],
    ];
    for (const [type, payload] of cases) {
      const result = parseClientMessage(type, payload);
      expect(result.ok, `${type} ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(ErrorCode.BadMessage);
        expect(result.error.message).toContain(type);
      }
    }
  });

  it('takes the type from the channel, not from the payload', () => {
    expect(parseClientMessage('stand', { type: 'start' })).toEqual({ ok: true, value: { type: 'stand' } });
  });
});

describe('parseName', () => {
  it('trims and accepts 1 to 20 characters', () => {
    expect(parseName('  Ann  ')).toEqual({ ok: true, value: 'Ann' });
    expect(parseName('x'.repeat(Limits.nameMax))).toMatchObject({ ok: true });
    expect(parseName('🂡'.repeat(Limits.nameMax))).toMatchObject({ ok: true });
  });

  it('refuses empty, too long and control characters with a clear message', () => {
    expect(parseName('   ')).toMatchObject({ ok: false, error: { code: ErrorCode.BadName } });
    expect(parseName('x'.repeat(Limits.nameMax + 1))).toMatchObject({ ok: false, error: { code: ErrorCode.BadName } });
    const control = parseName('Ann\nBob');
    expect(control).toMatchObject({ ok: false, error: { code: ErrorCode.BadName } });
    if (!control.ok) expect(control.error.message).toMatch(/control characters/);
    expect(parseName(12)).toMatchObject({ ok: false });
  });
});
