/**
 * Copies the table core's model into the schema state after each call,
 * touching only what changed, and keeps each seat's private hand in its
 * owner's StateView (and nobody else's).
 */
import type { StateView } from '@colyseus/schema';
import type { Seat } from '@deckhand/rules';
import { SeatKind, TablePhase } from '@deckhand/protocol';
import { boardTellsLastSeat, clearRecord, liveListsOf, mirrorBoard, mirrorRecord } from '../mirror';
import type { CreatedRef } from '../mirror';
import { DeadlineMirror } from './DeadlineMirror';
import type { Table } from '../table/Table';
import type { SeatModel, TableModel } from '../table/types';
import type { Knocker } from '../table/TableDoor';
import { MapSchema } from '@colyseus/schema';
import { PrivateState, SeatState, SpectatorState, WireRecordState } from '@deckhand/table-schema';
import type { TableState } from '@deckhand/table-schema';

/** A new SeatState's field values (the schema's defaults): the first sync writes whatever differs. */
const BLANK_SEAT: SeatModel = new SeatState().toJSON() as SeatModel;

/** Sets `key` only when it differs, so an unchanged field costs no patch bytes. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

export class TableMirror {
  /** The core's `position` and `deals` last mirrored: the board and hands change only with them. */
  private position = -1;
  private deals = -1;
  /** Private map entries made so far: each new entry gets a new key (see `placeHand`). */
  private handEntries = 0;
  /** The key of each seat's entry in the private map. */
  private readonly handKeys = new Map<Seat, string>();
  /** Maps and lists the mirror created in a hand while nobody held that seat's view; they join it when the owner comes. */
  private unseen: { seat: Seat; ref: CreatedRef }[] = [];

  /** The turn deadline, written only when clients cannot count it from the move. */
  private readonly deadline: DeadlineMirror;
  /** Each seat's schema instance and what the mirror last wrote to it (the mirror is its only writer). */
  private readonly seatsShown: { readonly target: SeatState; readonly fields: SeatModel }[] = [];

  constructor(private readonly state: TableState) {
    this.deadline = new DeadlineMirror(state);
  }

  /**
   * Brings the schema to the table's model. `viewOf(seat)` is the StateView
   * of the client holding a human seat, if connected; `views` every client's.
   */
  sync(table: Table, viewOf: (seat: Seat) => StateView | undefined, views: readonly StateView[]): void {
    const model = table.model;
    const state = this.state;
    put(state, 'code', model.code);
    put(state, 'gameId', model.gameId);
    put(state, 'visibility', model.visibility);
    put(state, 'phase', model.phase);
    put(state, 'hostId', model.hostId);
    put(state, 'maxSpectators', model.maxSpectators);
    put(state, 'turnSeconds', model.turnSeconds);
    put(state, 'seedHash', model.seedHash);
    put(state, 'seed', model.seed);
    put(state, 'moveNumber', model.moveNumber);
    put(state, 'lastBy', model.lastBy);
    put(state, 'locked', model.locked);
    this.syncKnocking(table.knocking());
    // After `moveNumber`: a written deadline names the move it belongs to.
    this.deadline.sync(table);
    this.syncOptions(model.options);
    this.syncSeats(model.seats);
    this.syncSpectators(model.spectators);
    const { scores, winners, ranking } = model.outcome;
    // Nothing until the game is over: empty lists would still cost a joining client their keys.
    if (scores.length > 0) mirrorRecord((state.outcome ??= new WireRecordState()), { scores: [...scores], winners: [...winners], ranking: [...ranking] });
    else if (state.outcome) mirrorRecord(state.outcome, {});
    if (table.position !== this.position || model.deals !== this.deals) this.syncGame(table, viewOf, views);
    // After the board: where its moves tell clients who moved last, the field stays as it was (clients read the board).
    if (table.gameState === null || !boardTellsLastSeat(state.board, table.game, model.lastSeat)) put(state, 'lastSeat', model.lastSeat);
    this.attachViews(viewOf);
  }

  /** Before a client joins or reconnects: it did not see the move its countdown would start from. */
  revealDeadline(): void {
    this.deadline.reveal();
  }

  private syncSeats(seats: readonly SeatModel[]): void {
    const list = this.state.seats;
    const shown = this.seatsShown;
    while (list.length > seats.length) {
      list.pop();
      shown.pop();
    }
    while (list.length < seats.length) {
      const target = new SeatState();
      list.push(target);
      shown.push({ target, fields: { ...BLANK_SEAT } });
    }
    for (let index = 0; index < seats.length; index++) {
      const seat = seats[index]!;
      const { target, fields } = shown[index]!;
      // Compared with the plain copy, not read back through the schema's accessors: seats rarely change.
      if (seat.playerId !== fields.playerId) target.playerId = fields.playerId = seat.playerId;
      if (seat.name !== fields.name) target.name = fields.name = seat.name;
      if (seat.kind !== fields.kind) target.kind = fields.kind = seat.kind;
      if (seat.botLevel !== fields.botLevel) target.botLevel = fields.botLevel = seat.botLevel;
      if (seat.connected !== fields.connected) target.connected = fields.connected = seat.connected;
      if (seat.reconnectDeadline !== fields.reconnectDeadline) target.reconnectDeadline = fields.reconnectDeadline = seat.reconnectDeadline;
      if (seat.away !== fields.away) target.away = fields.away = seat.away;
      if (seat.timeouts !== fields.timeouts) target.timeouts = fields.timeouts = seat.timeouts;
      if (seat.program !== fields.program) target.program = fields.program = seat.program;
    }
  }

  /** The options as one JSON string (a few keys), sent only when it changed. */
  private syncOptions(options: TableModel['options']): void {
    put(this.state, 'options', JSON.stringify(options));
  }

  private syncSpectators(spectators: ReadonlyMap<string, { name: string; connected: boolean }>): void {
    if (spectators.size === 0 && !this.state.spectators) return;
    const map = (this.state.spectators ??= new MapSchema<SpectatorState>());
    for (const playerId of [...map.keys()]) if (!spectators.has(playerId)) map.delete(playerId);
    for (const [playerId, spectator] of spectators) {
      let target = map.get(playerId);
      if (!target) {
        target = new SpectatorState();
        map.set(playerId, target);
      }
      put(target, 'name', spectator.name);
      put(target, 'connected', spectator.connected);
    }
  }

  /** The knockers as the host sees them (every client decodes the map: it holds names, like the seats). */
  private syncKnocking(knocking: readonly Knocker[]): void {
    if (knocking.length === 0 && !this.state.knocking) return;
    const map = (this.state.knocking ??= new MapSchema<string>());
    for (const playerId of [...map.keys()]) if (!knocking.some((knocker) => knocker.playerId === playerId)) map.delete(playerId);
    for (const knocker of knocking) {
      if (map.get(knocker.playerId) !== knocker.name) map.set(knocker.playerId, knocker.name);
    }
  }

  /** The board, the hand number and every private hand, after a move, a deal or the game's end. */
  private syncGame(table: Table, viewOf: (seat: Seat) => StateView | undefined, views: readonly StateView[]): void {
    const state = this.state;
    const model = table.model;
    const newDeal = model.deals !== this.deals || table.gameState === null;
    if (newDeal) this.dropHands(views);
    this.position = table.position;
    this.deals = model.deals;
    if (table.gameState === null) {
      // Back in the lobby: the board goes; between a game's end and a rematch it stays (see `deal` below).
      if (model.phase === TablePhase.Lobby) clearRecord(state.board);
      return;
    }
    // The board is not cleared on a new deal: deleting and re-adding a map key in one
    // patch breaks MapSchema in schema 3.0.x; the mirror replaces it in place.
    // Clients read the board with the last move's seat, which this same sync mirrored.
    mirrorBoard(state.board, table.game, table.publicView()!, { lastSeat: model.lastSeat });
    for (let seat = 0; seat < model.seats.length; seat++) {
      const owner = state.hands.get(this.handKey(seat)) ?? this.placeHand(seat);
      const view = viewOf(seat);
      mirrorRecord(owner, table.game.privateView(table.gameState, seat) ?? {}, liveListsOf(table.game), (ref) => {
        if (view?.has(owner)) view.add(ref);
        else this.unseen.push({ seat, ref });
      });
    }
  }

  /**
   * Keys of the private map are never reused, so a rematch or a rebuilt hand
   * never deletes and re-adds the same key in one patch.
   */
  private handKey(seat: Seat): string {
    return this.handKeys.get(seat) ?? '';
  }

  /** A new, empty private entry for `seat`, under a new key. */
  private placeHand(seat: Seat): PrivateState {
    const hand = new PrivateState();
    hand.seat = seat;
    const key = String(++this.handEntries);
    this.handKeys.set(seat, key);
    this.state.hands.set(key, hand);
    return hand;
  }

  /**
   * Replaces the seat's private entry with a new instance under a new key,
   * filled from the rules: its owner decodes the old entry's removal and the
   * new one whole, so whatever its decoder held before no longer counts.
   */
  renewHand(table: Table, seat: Seat, view: StateView | undefined): void {
    const old = this.state.hands.get(this.handKey(seat));
    if (!old || table.gameState === null) return;
    if (view?.has(old)) view.remove(old);
    this.state.hands.delete(this.handKey(seat));
    this.unseen = this.unseen.filter((entry) => entry.seat !== seat);
    const hand = this.placeHand(seat);
    mirrorRecord(hand, table.game.privateView(table.gameState, seat) ?? {}, liveListsOf(table.game));
    // Added once filled, like at the deal, so the view takes every list with it.
    view?.add(hand);
  }

  /**
   * Forgets the previous game's hands. Only a view that holds a hand is told
   * to drop it: `remove` on any other view queues a delete its client cannot
   * place (a spectator's decoder logged "refId not found").
   */
  private dropHands(views: readonly StateView[]): void {
    for (const [key, hand] of [...this.state.hands.entries()]) {
      for (const view of views) if (view.has(hand)) view.remove(hand);
      this.state.hands.delete(key);
    }
    this.handKeys.clear();
    this.unseen = [];
  }

  /** Each connected seat holder sees their own hand, with the maps and lists created while they were away. */
  private attachViews(viewOf: (seat: Seat) => StateView | undefined): void {
    const seats = this.state.seats;
    for (let seat = 0; seat < seats.length; seat++) {
      if (seats[seat]!.kind !== SeatKind.Human) continue;
      const view = viewOf(seat);
      const hand = this.state.hands.get(this.handKey(seat));
      if (!view || !hand || view.has(hand)) continue;
      view.add(hand);
      for (const pending of this.unseen) {
        if (pending.seat === seat && !view.has(pending.ref)) view.add(pending.ref);
      }
      this.unseen = this.unseen.filter((pending) => pending.seat !== seat);
    }
  }
}
