import { describe, expect, it } from 'vitest';
import { Encoder, Reflection } from '@colyseus/schema';
import { SeatState, TableState } from './TableState';
import { TABLE_SCHEMA_ID, TableStateSerializer, describeClasses } from './knownSchema';

function encodedTable(): { encoder: Encoder; full: Buffer } {
  const state = new TableState();
  state.code = 'BCD42';
  state.gameId = 'hearts';
  const seat = new SeatState();
  seat.name = 'Ada';
  state.seats.push(seat);
  const encoder = new Encoder(state);
  return { encoder, full: Buffer.from(encoder.encodeAll()) };
}

describe('TableStateSerializer', () => {
  it('decodes with the table classes when the handshake brings no description', () => {
    const { full } = encodedTable();
    const serializer = new TableStateSerializer();
    serializer.setState(full);
    expect(serializer.getState()).toBeInstanceOf(TableState);
    expect(serializer.getState().toJSON()).toMatchObject({ code: 'BCD42', gameId: 'hearts', seats: [{ name: 'Ada' }] });
  });

  it('decodes by reflection when the handshake brings one', () => {
    const { encoder, full } = encodedTable();
    const serializer = new TableStateSerializer();
    serializer.handshake(Buffer.from(Reflection.encode(encoder)));
    serializer.setState(full);
    expect(serializer.getState()).not.toBeInstanceOf(TableState);
    expect(serializer.getState().toJSON()).toMatchObject({ code: 'BCD42', seats: [{ name: 'Ada' }] });
  });

  it('names the description: 8 hex digits, the same for the same classes', () => {
    expect(TABLE_SCHEMA_ID).toMatch(/^[0-9a-f]{8}$/);
    // Every class and field the handshake describes is named, the private hand's seat among them.
    const described = describeClasses(TableState as unknown as Parameters<typeof describeClasses>[0]);
    expect(described.split('\n')).toHaveLength(6);
    expect(described).toMatch(/=seat:int8/);
    expect(described).toMatch(/=hands:map\(#\d+\)/);
  });
});
