/**
 * What a Crazy Eights client computes instead of receiving: whose turn it is
 * (the board's `turn` and `active`), the stock's size (every card not in a
 * hand or the discard pile), and the winners and last-hand flag from the
 * scores. Whose turn it is follows from the seat that moved last (the
 * table's `lastSeat`): a draw keeps the turn (`drawn` then says so), a play
 * or a pass hands it to the next seat [C8-05, C8-06].
 */
import { DECK_SIZE } from '../../cards';
import type { WireRecord } from '../../game';
import { sentBooleans, sentNumber, sentNumbers } from '../../wire';
import type { PublicWire } from '../../wire';

/** The phases as the view names them (crazyEights.ts's `CrazyEightsPhase`). */
const Phase = { Play: 'play', HandOver: 'handOver', GameOver: 'gameOver' } as const;

function deriveCrazyEights(sent: WireRecord): WireRecord {
  const handCounts = sentNumbers(sent, 'handCounts');
  const scores = sentNumbers(sent, 'scores');
  const phase = sent['phase'];
  const seats = handCounts.length;
  const lastSeat = sentNumber(sent, 'lastSeat', () => -1);
  const drawn = sent['drawn'] === true;
  const turn = sentNumber(sent, 'turn', () => (lastSeat < 0 || seats === 0 ? 0 : drawn ? lastSeat : (lastSeat + 1) % seats));
  const continued = sentBooleans(sent, 'continued');
  const best = Math.max(...scores);
  const target = sentNumber(sent, 'target', () => Infinity);
  return {
    turn,
    active: phase === Phase.Play ? [turn] : phase === Phase.HandOver ? handCounts.flatMap((_, seat) => (continued[seat] ? [] : [seat])) : [],
    stockCount: DECK_SIZE - sentNumbers(sent, 'discard').length - handCounts.reduce((sum, count) => sum + count, 0),
    winners: phase === Phase.GameOver ? scores.flatMap((score, seat) => (score === best ? [seat] : [])) : [],
    gameEnding: phase === Phase.HandOver && scores.some((score) => score >= target),
  };
}

export const crazyEightsWire: PublicWire = {
  derivedKeys: ['turn', 'active', 'stockCount', 'winners', 'gameEnding'],
  derive: deriveCrazyEights,
};
