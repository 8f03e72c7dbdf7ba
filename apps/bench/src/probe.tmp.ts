import { startDeckhandServer } from './host/deckhandServer';
import { DeckhandTable } from './deckhand/DeckhandTable';
import { CountingClient } from './deckhand/CountingClient';
import { colyseusKind } from './wire';
const log: string[][] = [[], [], [], []];
let n = 0;
const orig = (CountingClient.prototype as any).createRoom;
(CountingClient.prototype as any).createRoom = function (this: any, ...args: any[]) {
  const room = orig.apply(this, args);
  const idx = n++;
  const connect = room.connect.bind(room);
  room.connect = (...a: any[]) => { connect(...a); room.connection.transport.ws.addEventListener('message', (e: any) => {
    const b = new Uint8Array(e.data); log[idx]?.push(`${colyseusKind(e.data)}:${b.length}`);
  }); };
  return room;
};
const gameId = process.argv[2] ?? 'hearts';
const seats = Number(process.argv[3] ?? 4);
const server = await startDeckhandServer();
const table = await DeckhandTable.open({ baseUrl: `http://127.0.0.1:${server.port}`, gameId, seats, botSeed: 'x', turnSeconds: 30 });
for (let i = 0; i < seats; i++) { const l = log[i]!; console.log(i, l.join(' '), 'total', l.reduce((s, x) => s + Number(x.split(':')[1]) + 2, 0)); }
await table.leave(); await server.close(); process.exit(0);
