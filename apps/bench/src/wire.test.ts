import { describe, expect, it } from 'vitest';
import { ByteMeter, MeterPhase, colyseusKind, frameHeaderBytes } from './wire';

describe('wire byte counting', () => {
  it('[bench-wire] frame headers grow at the RFC 6455 length boundaries', () => {
    expect(frameHeaderBytes(125)).toBe(2);
    expect(frameHeaderBytes(126)).toBe(4);
    expect(frameHeaderBytes(65_535)).toBe(4);
    expect(frameHeaderBytes(65_536)).toBe(10);
  });

  it('[bench-wire] Colyseus frames are told apart: patch, full state, and room messages by their type', () => {
    expect(colyseusKind(new Uint8Array([15, 1, 2, 3]).buffer)).toBe('patch');
    expect(colyseusKind(new Uint8Array([14, 0]).buffer)).toBe('state');
    const events = new Uint8Array([13, 0xa0 | 6, ...new TextEncoder().encode('events'), 0x80]);
    expect(colyseusKind(events.buffer)).toBe('events');
  });

  it('[bench-wire] bytes land in the phase that was current when they arrived', () => {
    const meter = new ByteMeter();
    meter.add(1000, 'join');
    meter.enter(MeterPhase.Moves);
    meter.add(20, 'patch');
    meter.add(30, 'events');
    expect(meter.count(MeterPhase.Join)).toMatchObject({ messages: 1, payloadBytes: 1000, wireBytes: 1004 });
    expect(meter.count(MeterPhase.Moves)).toEqual({ messages: 2, payloadBytes: 50, wireBytes: 54, byKind: { patch: 22, events: 32 } });
    expect(meter.count(MeterPhase.Start).messages).toBe(0);
  });
});
