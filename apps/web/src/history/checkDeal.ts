/**
 * "Check this deal", done in the browser: the revealed seed must hash
 * (SHA-256 of its UTF-8 bytes, in hex, as the server hashed it at the deal)
 * to the hash that was published when the cards were dealt, and replaying
 * every recorded move from that seed with @deckhand/rules must give the
 * scores the game ended with.
 */
import type { FinishedGame } from '@deckhand/protocol';
import { buildReplay } from './replay';

export interface DealCheck {
  /** Both parts passed. */
  readonly ok: boolean;
  readonly hash: { readonly ok: boolean; readonly computed: string; readonly published: string };
  readonly replay: {
    readonly ok: boolean;
    /** Moves the rules accepted, of `total`. */
    readonly accepted: number;
    readonly total: number;
    /** Scores at the end of the replay (empty when the replay could not start). */
    readonly scores: readonly number[];
    readonly stored: readonly number[];
    /** Why the replay failed, in a sentence; null when it passed. */
    readonly problem: string | null;
  };
}

/** Hex SHA-256 of a string's UTF-8 bytes through WebCrypto (the browser's, or Node's in tests). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const sameScores = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((score, i) => score === b[i]);

export async function checkDeal(record: FinishedGame): Promise<DealCheck> {
  const computed = await sha256Hex(record.seed);
  const hash = { ok: computed === record.seedHash.toLowerCase(), computed, published: record.seedHash };
  const total = record.moves.length;
  const replay = buildReplay(record);
  if (!replay.ok) {
    return { ok: false, hash, replay: { ok: false, accepted: 0, total, scores: [], stored: record.scores, problem: replay.message } };
  }
  const last = replay.steps[replay.steps.length - 1]!;
  const outcome = replay.game.outcome(last.state);
  const scores = outcome?.scores ?? replay.game.scores(last.state);
  const accepted = replay.steps.length - 1;
  let problem: string | null = null;
  if (replay.refused) problem = `The rules refuse move ${replay.refused.moveIndex + 1}: ${replay.refused.message}`;
  else if (outcome === null) problem = `After all ${total} moves the game is not over.`;
  else if (!sameScores(scores, record.scores)) problem = 'The replayed scores differ from the scores the game ended with.';
  return {
    ok: hash.ok && problem === null,
    hash,
    replay: { ok: problem === null, accepted, total, scores, stored: record.scores, problem },
  };
}
