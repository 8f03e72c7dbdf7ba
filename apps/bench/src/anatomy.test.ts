import { Decoder, Encoder, schema } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { fieldName, instrumentDecoder, recordPatch } from './anatomy';

const Items = schema({ items: ['number'] }, 'AnatomyItems');
const Board = schema({ num: { map: 'number' }, list: { map: Items } }, 'AnatomyBoard');
const Root = schema({ moveNumber: 'number', board: Board }, 'AnatomyRoot');

describe('patch anatomy', () => {
  it('[bench-wire] every byte of a patch lands in a named field or a structure switch', () => {
    const state = new Root();
    const trick = new Items();
    trick.items.push(1, 2);
    state.board.list.set('trick', trick);
    state.board.num.set('turn', 0);
    const encoder = new Encoder(state);
    const decoder = new Decoder(new Root());
    instrumentDecoder(decoder);
    decoder.decode(encoder.encodeAll() as Buffer);
    encoder.discardChanges();

    state.moveNumber = 300;
    state.board.num.set('turn', 2);
    trick.items.push(40);
    const patch = encoder.encode() as Buffer;
    // As colyseus.js receives it: the message code, then the patch.
    const frame = Buffer.concat([Buffer.from([15]), patch]);
    const recording = recordPatch(decoder);
    decoder.decode(frame, { offset: 1 });
    const rows = recording.finish(frame.length);

    expect(rows.reduce((sum, row) => sum + row.bytes, 0)).toBe(frame.length + 2);
    expect(rows.map((row) => row.field)).toEqual(
      expect.arrayContaining(['WebSocket header', 'message code', 'moveNumber', 'board.turn', 'board.trick', 'switch to board.trick']),
    );
    expect(rows.find((row) => row.field === 'board.trick')?.change).toBe('add [2]=40');
  });

  it('[bench-wire] a view record is named by its keys, and a hand by its owner', () => {
    expect(fieldName('board.list[trick].items')).toBe('board.trick');
    expect(fieldName('board.num[turn]')).toBe('board.turn');
    expect(fieldName('hands[3:1].list[hand].items')).toBe('hands[own].hand');
  });
});
