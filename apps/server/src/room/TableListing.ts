/**
 * How the table shows outside its room: its lobby listing (hidden while the
 * table is private, its metadata refreshed after each call) and its join code,
 * unique across every process sharing the presence. Apart from the room:
 * neither touches a player, a connection or the table log.
 */
import { randomBytes } from 'node:crypto';
import { ServerError, updateLobby } from '@colyseus/core';
import type { Room } from '@colyseus/core';
import { CODE_ALPHABET, JoinErrorCode, Limits, SeatKind, Visibility } from '@deckhand/protocol';
import type { TableState } from '@deckhand/table-schema';
import type { ServerConfig } from '../config';
import type { Table } from '../table/Table';

/** What the lobby lists for a public table. */
export interface TableMetadata {
  readonly gameId: string;
  readonly gameName: string;
  readonly hostName: string;
  readonly seatsTaken: number;
  readonly seatsTotal: number;
  readonly phase: string;
  readonly visibility: Visibility;
}

/** Presence hash of allocated join codes, shared by every process using the same presence. */
const CODES_KEY = 'deckhand:table-codes';
/** How long after a listing change the lobbies are told again, with Redis (see `tellLobby`; server.ts for a closed table). */
export const LOBBY_SETTLE_MS = 300;

export class TableListing {
  /** Whether the room is private as last set; null until the first refresh. */
  private hidden: boolean | null = null;
  private codeClaimed = false;
  /** The second word to the lobbies, pending (with Redis only). */
  private settle: NodeJS.Timeout | null = null;

  /** `closing` says whether the room is closing now: its listing is then saved but not sent to the lobby. */
  constructor(
    private readonly room: Room<TableState, TableMetadata>,
    private readonly config: Pick<ServerConfig, 'testCodes' | 'redisUrl'>,
    private readonly closing: () => boolean,
  ) {}

  /** A new table's code, free in the presence. */
  async claimCode(): Promise<string> {
    const { testCodes } = this.config;
    for (let attempt = 0; attempt < 100; attempt++) {
      const code = testCodes[attempt] ?? Array.from(randomBytes(Limits.codeLength), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
      // hincrby is atomic in local and Redis presence: the first claimer sees 1.
      if ((await this.room.presence.hincrby(CODES_KEY, code, 1)) === 1) {
        this.codeClaimed = true;
        return code;
      }
    }
    throw new ServerError(JoinErrorCode.TableFull, 'No free table code; try again.');
  }

  /** A restored table keeps its code: counted as claimed again, and given back like a new table's. */
  async reclaimCode(code: string): Promise<void> {
    await this.room.presence.hincrby(CODES_KEY, code, 1);
    this.codeClaimed = true;
  }

  /** The room's code back to the presence, if this room claimed one. */
  async releaseCode(): Promise<void> {
    if (this.codeClaimed) await this.room.presence.hdel(CODES_KEY, this.room.roomId);
  }

  /** After each call: the room private or not with the table, and the lobby told of any change to the listing. */
  async refresh(table: Table): Promise<void> {
    const model = table.model;
    const hidden = model.visibility === Visibility.Private;
    if (hidden !== this.hidden) {
      const first = this.hidden === null;
      this.hidden = hidden;
      await this.room.setPrivate(hidden);
      if (!first) this.tellLobby(hidden);
    }
    const host = model.seats.find((seat) => seat.kind === SeatKind.Human && seat.playerId === model.hostId);
    const metadata: TableMetadata = {
      gameId: table.game.id,
      gameName: table.game.name,
      hostName: host?.name ?? model.spectators.get(model.hostId)?.name ?? '',
      seatsTaken: model.seats.filter((seat) => seat.kind !== SeatKind.Empty).length,
      seatsTotal: model.seats.length,
      phase: model.phase,
      visibility: model.visibility,
    };
    const previous = this.room.metadata;
    if (previous && (Object.keys(metadata) as (keyof TableMetadata)[]).every((key) => previous[key] === metadata[key])) return;
    await this.room.setMetadata(metadata);
    // The last one out closes the table while the listing is saved: an update now would list it again in the lobby.
    if (!this.closing()) this.tellLobby(false);
  }

  /**
   * Tells every lobby the listing changed (`removed`: it left the lobby).
   * Colyseus' Redis driver lets lobby reads share one room query in flight,
   * so a lobby can read the listing from just before this change and keep it
   * (a public table shown without its host's name, or with a seat count
   * behind): with Redis a second word follows once the last change has
   * settled, one for all the changes of that time, as for a closing table
   * (server.ts). Each word makes every lobby read the whole room list again.
   */
  private tellLobby(removed: boolean): void {
    updateLobby(this.room, removed);
    if (this.config.redisUrl === '') return;
    if (this.settle) {
      this.settle.refresh();
      return;
    }
    // As the table is then: private (gone from the lobby) or listed.
    this.settle = setTimeout(() => {
      this.settle = null;
      if (!this.closing()) updateLobby(this.room, this.hidden === true);
    }, LOBBY_SETTLE_MS).unref();
  }
}
