/**
 * The floor: what the fixed stack alone costs a move, with none of Deckhand's
 * own work. A Colyseus 0.16 server set up as @deckhand/server sets it up (its
 * Node flags, its transport with the spread-out heartbeat, its schema classes
 * `TableState`, each hand in its owner's StateView, change sets and view maps
 * emptied in place, no patch interval), whose `floor` room plays a bare deal of
 * 52 cards: a move takes one card from the mover's hand onto the board and
 * sends one patch, the bytes of a plain Hearts play (the move number, the
 * seat, one board entry; the mover's hand loses a card). No rules, no view
 * mirror, no log, no turn clock, no login: a Deckhand move cannot cost less.
 * Bench-only: started by the host process (`ServerKind.Floor`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Room, Server } from '@colyseus/core';
import type { Client } from '@colyseus/core';
import { ArraySchema } from '@colyseus/schema';
import { StaggeredPingTransport, reuseChangeSets, tableView } from '@deckhand/server/stack';
import { PrivateState, TableState } from '@deckhand/table-schema';
import { FLOOR_ROOM } from './floorRoomName';

const SEATS = 4;
const DECK = 52;

class FloorRoom extends Room<TableState> {
  override maxClients = SEATS;
  // As the Deckhand room: every move sends its own patch at once.
  override patchRate = 0;
  private readonly hands: PrivateState[] = [];
  private joined = 0;

  override onCreate(): void {
    this.setState(new TableState());
    for (let seat = 0; seat < SEATS; seat++) {
      const hand = new PrivateState();
      hand.seat = seat;
      hand.liveKey = 'hand';
      hand.live = new ArraySchema<number>() as unknown as number[];
      this.hands.push(hand);
      this.state.hands.set(String(seat), hand);
    }
    this.state.board.liveKey = 'trick';
    this.state.board.live = new ArraySchema<number>() as unknown as number[];
    this.deal();
    this.onMessage('move', (client, card: unknown) => this.play(client, card));
  }

  override onJoin(client: Client): void {
    const seat = this.joined++;
    client.userData = { seat };
    client.view = tableView();
    client.view.add(this.hands[seat]!);
  }

  /** Seat s holds the cards s, s + 4, ...: the board empties and every hand fills in the same patch. */
  private deal(): void {
    const board = this.state.board.live as unknown as ArraySchema<number>;
    if (board.length > 0) board.clear();
    for (let seat = 0; seat < SEATS; seat++) {
      const hand = this.hands[seat]!.live as unknown as ArraySchema<number>;
      for (let card = seat; card < DECK; card += SEATS) hand.push(card);
    }
    this.state.lastSeat = -1;
  }

  private play(client: Client, card: unknown): void {
    const seat = (client.userData as { seat: number }).seat;
    const hand = this.hands[seat]!.live as unknown as ArraySchema<number>;
    const index = typeof card === 'number' ? hand.indexOf(card) : -1;
    if (seat !== (this.state.lastSeat + 1) % SEATS || index < 0) {
      client.send('error', { type: 'error', message: `seat ${seat} cannot play ${String(card)} now` });
      return;
    }
    hand.splice(index, 1);
    const board = this.state.board.live as unknown as ArraySchema<number>;
    board.push(card as number);
    this.state.moveNumber++;
    this.state.lastSeat = seat;
    if (board.length === DECK) this.deal();
    this.broadcastPatch();
  }
}

export interface FloorServer {
  readonly port: number;
  tableCount(): number;
  close(): Promise<void>;
}

/** The floor on `port` of 127.0.0.1 (0: any free port, which `port` then tells). */
export async function startFloorServer(port = 0): Promise<FloorServer> {
  let tables = 0;
  const httpServer = http.createServer();
  // As @deckhand/server: moves are tiny and latency matters more than packet count.
  httpServer.on('connection', (socket) => socket.setNoDelay(true));
  reuseChangeSets();
  const transport = new StaggeredPingTransport({ server: httpServer, maxPayload: 16 * 1024 });
  const gameServer = new Server({ transport, greet: false, gracefullyShutdown: false });
  gameServer
    .define(FLOOR_ROOM, FloorRoom)
    .on('create', () => tables++)
    .on('dispose', () => tables--);
  await gameServer.listen(port, '127.0.0.1');
  return {
    port: (httpServer.address() as AddressInfo).port,
    tableCount: () => tables,
    close: () => gameServer.gracefullyShutdown(false),
  };
}
