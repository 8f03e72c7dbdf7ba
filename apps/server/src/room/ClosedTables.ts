/**
 * What a table that closed still owes the presence (Redis in a cluster): its
 * open-table slots back (`TableQuota.closed`; not for a table kept open for
 * another process to take over), and with Redis a second word to the lobbies
 * once its listing's removal has settled. Colyseus' Redis driver lets lobby
 * updates share one room query in flight, so a lobby can read a listing from
 * just before its removal and keep a closed table; the second word fixes that
 * (as `TableListing` does for a listing that changed).
 *
 * The room's own closing (`TableRoom.onDispose`: the log closed, its code and
 * lease given back) runs on after Colyseus counts the room gone, so the room
 * hands it here too (`track`).
 *
 * A stop calls `settle` once the rooms are gone: the second words go at once
 * and everything owed is waited for while the presence and the store are still
 * open (see `LastWordsPresence`). A failure is logged with the table's code
 * (Colyseus logs a room's own), never left unhandled.
 */
import type { Presence } from '@colyseus/core';
import type { Logger } from 'pino';
import type { TableQuota } from '../http/TableQuota';
import { LOBBY_SETTLE_MS } from './TableListing';

/** Colyseus' lobby channel: `<roomId>,0` makes every lobby read that room's listing again. */
const LOBBY_CHANNEL = '$lobby';

/** Where a room hands the work of its own closing, so a stop waits for it. */
export interface Disposals {
  track(work: Promise<unknown>): void;
}

export class ClosedTables implements Disposals {
  private readonly owed = new Set<Promise<void>>();
  private readonly secondWords = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly quota: TableQuota,
    private readonly presence: Presence,
    /** Whether the presence is shared (Redis): only then do lobbies need the second word. */
    private readonly clustered: boolean,
    private readonly logger: Logger,
  ) {}

  /** A table's room was disposed; `keptOpen`: it closed here only, for another process to run it. */
  closed(table: string, keptOpen: boolean): void {
    if (!keptOpen) this.owe(this.quota.closed(table), table, "could not give back a closed table's open-table slots");
    if (!this.clustered) return;
    clearTimeout(this.secondWords.get(table));
    this.secondWords.set(table, setTimeout(() => this.secondWord(table), LOBBY_SETTLE_MS).unref());
  }

  /** A room's own closing, whose failure its caller reports. */
  track(work: Promise<unknown>): void {
    this.wait(work.then(
      () => undefined,
      () => undefined,
    ));
  }

  /** Says every second word now and waits for all that is owed. */
  async settle(): Promise<void> {
    for (const [table, timer] of this.secondWords) {
      clearTimeout(timer);
      this.secondWord(table);
    }
    await Promise.all(this.owed);
  }

  private secondWord(table: string): void {
    this.secondWords.delete(table);
    this.owe(Promise.resolve(this.presence.publish(LOBBY_CHANNEL, `${table},0`)), table, 'could not tell the lobbies a table closed');
  }

  private owe(work: Promise<unknown>, table: string, failed: string): void {
    this.wait(work.then(
      () => undefined,
      (error: unknown) => this.logger.error({ err: error, table }, failed),
    ));
  }

  private wait(settled: Promise<void>): void {
    this.owed.add(settled);
    void settled.finally(() => this.owed.delete(settled));
  }
}
