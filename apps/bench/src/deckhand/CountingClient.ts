/**
 * A colyseus.js client that counts every byte its rooms receive. The SDK
 * opens the socket inside `room.connect`, before any message can arrive, so a
 * listener added right after that call sees the whole stream, the join
 * handshake included.
 */
import { Client, registerSerializer } from 'colyseus.js';
import type { Room } from 'colyseus.js';
import { TableStateSerializer } from '@deckhand/table-schema';
import { ByteMeter, colyseusKind, payloadLength } from '../wire';

interface ListenableSocket {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

// Like the web app: a client joining with the table's schema id decodes with its own classes.
registerSerializer('schema', TableStateSerializer as unknown as Parameters<typeof registerSerializer>[1]);

export class CountingClient extends Client {
  /** Bytes received by the rooms this client opens. */
  readonly meter = new ByteMeter();
  /** Called with each frame's payload size, before the SDK decodes it. */
  onFrame: ((payloadBytes: number) => void) | null = null;

  // The SDK's factory for rooms; wrapped so the socket can be tapped as soon as it exists.
  protected override createRoom<T>(roomName: string, rootSchema?: Parameters<Client['consumeSeatReservation']>[1]): Room<T> {
    const room = super.createRoom<T>(roomName, rootSchema as never);
    const connect = room.connect.bind(room);
    const meter = this.meter;
    room.connect = (...args: Parameters<Room<T>['connect']>) => {
      connect(...args);
      const socket = (room.connection.transport as unknown as { ws?: ListenableSocket }).ws;
      if (!socket) throw new Error('colyseus.js transport has no WebSocket to count bytes on');
      socket.addEventListener('message', (event) => {
        const bytes = payloadLength(event.data);
        meter.add(bytes, colyseusKind(event.data));
        this.onFrame?.(bytes);
      });
    };
    return room;
  }
}
