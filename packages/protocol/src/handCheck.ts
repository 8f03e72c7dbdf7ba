/**
 * A client-side check that its decoded state is sound. Every game's public
 * view counts the cards in each hand (`handCounts`), and a seat's private view
 * holds its `hand`: when the two disagree the decoded hand is wrong, and the
 * client asks for a fresh one (`resync`) instead of offering cards it does not
 * hold.
 */
import { TablePhase } from './snapshot';
import type { TableSnapshot } from './snapshot';

export function ownHandDisagrees(snapshot: TableSnapshot): boolean {
  if (snapshot.phase !== TablePhase.Playing || snapshot.mySeat === null || snapshot.mine === null) return false;
  const counts = snapshot.board['handCounts'];
  const hand = snapshot.mine['hand'];
  if (!Array.isArray(counts) || !Array.isArray(hand)) return false;
  const count = counts[snapshot.mySeat];
  return typeof count === 'number' && count !== hand.length;
}
