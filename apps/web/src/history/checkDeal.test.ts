import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finishedGame, SHORT_GAMES } from '../test/finishedGames';
import { checkDeal, sha256Hex } from './checkDeal';

describe('check this deal', () => {
  it('hashes a seed exactly as the server does (SHA-256 of its UTF-8 bytes, hex)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Non-ASCII seeds hash their UTF-8 bytes, as node:crypto's update(string) does.
    for (const seed of ['é', '1234:5678', 'deal-🂡']) expect(await sha256Hex(seed)).toBe(createHash('sha256').update(seed).digest('hex'));
  });

  it.each(SHORT_GAMES)('passes for a real $gameId game: the hash matches and every move replays to the stored scores', async ({ gameId, seats, options }) => {
    const record = finishedGame(gameId, seats, options);
    const check = await checkDeal(record);
    expect(check.hash).toEqual({ ok: true, computed: record.seedHash, published: record.seedHash });
    expect(check.replay).toMatchObject({ ok: true, accepted: record.moves.length, total: record.moves.length, problem: null });
    expect(check.replay.scores).toEqual(record.scores);
    expect(check.ok).toBe(true);
  });

  it('fails when the revealed seed is not the one whose hash was published', async () => {
    const record = finishedGame('hearts', 4, { target: 50 });
    const check = await checkDeal({ ...record, seed: `${record.seed}!` });
    expect(check.ok).toBe(false);
    expect(check.hash.ok).toBe(false);
    expect(check.hash.computed).not.toBe(record.seedHash);
    // Another seed deals other hands: the recorded moves no longer replay.
    expect(check.replay.ok).toBe(false);
  });

  it('fails when a move was changed, and says which move the rules refuse', async () => {
    const record = finishedGame('crazy-eights', 2, { target: 100 });
    const index = record.moves.findIndex(({ move }) => move.type === 'play');
    const original = record.moves[index]!;
    const otherCard = (Number((original.move as { card?: unknown }).card) + 1) % 52;
    const moves = record.moves.map((entry, i) => (i === index ? { seat: entry.seat, move: { ...entry.move, card: otherCard } } : entry));
    const check = await checkDeal({ ...record, moves });
    expect(check.hash.ok).toBe(true);
    expect(check.ok).toBe(false);
    expect(check.replay.ok).toBe(false);
    expect(check.replay.problem).toMatch(new RegExp(`move ${index + 1}\\b`));
    expect(check.replay.accepted).toBe(index);
  });

  it('fails when the stored scores are not what the moves give', async () => {
    const record = finishedGame('gin-rummy', 2, { target: 50 });
    const check = await checkDeal({ ...record, scores: record.scores.map((score, seat) => (seat === 0 ? score + 1 : score)) });
    expect(check.ok).toBe(false);
    expect(check.replay.problem).toMatch(/scores differ/);
    expect(check.replay.scores).toEqual(record.scores);
  });
});
