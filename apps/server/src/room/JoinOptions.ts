/**
 * What a client's create and join options say. They arrive as whatever the
 * client sent: each reader takes only a well-formed value, and a refusal is
 * the ServerError the client shows. Apart from the room, which acts on what
 * they say and never reads them raw.
 */
import { ServerError } from '@colyseus/core';
import * as v from 'valibot';
import { CreateTableOptionsSchema, DeviceId, JoinErrorCode, PROTOCOL_VERSION } from '@deckhand/protocol';
import type { CreateTableOptions } from '@deckhand/protocol';
import type { AnyGame } from '@deckhand/rules';

/** The value under `key`, when the options are an object. */
export function optionOf(options: unknown, key: string): unknown {
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[key] : undefined;
}

/** Whether the options set `key` to true. */
export function flag(options: unknown, key: string): boolean {
  return optionOf(options, key) === true;
}

/** The device id in join options, when well formed. */
export function deviceOf(options: unknown): string | null {
  const device = optionOf(options, 'device');
  return v.is(DeviceId, device) ? device : null;
}

/** Refuses a page built for another protocol version; one that does not say is let in. */
export function refuseOtherProtocol(protocol: unknown): void {
  if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
    throw new ServerError(JoinErrorCode.ProtocolMismatch, 'This page is out of date: reload it to play.');
  }
}

/** A request to create a table: well formed, of this protocol version, for a game this server has. */
export function parseCreate(rawOptions: unknown, games: readonly AnyGame[]): CreateTableOptions {
  const parsed = v.safeParse(CreateTableOptionsSchema, rawOptions);
  if (!parsed.success) {
    throw new ServerError(JoinErrorCode.BadRequest, `Cannot create the table: ${parsed.issues[0]?.message ?? 'bad options'}.`);
  }
  refuseOtherProtocol(parsed.output.protocol);
  const game = games.find((candidate) => candidate.id === parsed.output.gameId);
  if (!game) throw new ServerError(JoinErrorCode.NoSuchGame, `There is no game "${parsed.output.gameId}".`);
  return parsed.output;
}
