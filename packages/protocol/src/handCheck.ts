/**
 * A client-side check that its decoded state is sound. Every game's public
 * view counts the cards in each hand (`handCounts`), and a seat's private view
 * holds its `hand`: when the two disagree the decoded hand is wrong, and the
 * client asks for a fresh one (`resync`) instead of offering cards it does not
 * hold. A hand the rules keep face down to its own seat (`handFaceDown`: a
 * Spades player who may still bid blind nil) holds no cards while the board
 * counts them, and that is no disagreement.
 */
import { findGame } from '@deckhand/rules';
import { TablePhase, gameViewOf } from './snapshot';
import type { TableSnapshot } from './snapshot';

export function ownHandDisagrees(snapshot: TableSnapshot): boolean {
  if (snapshot.phase !== TablePhase.Playing || snapshot.mySeat === null || snapshot.mine === null) return false;
  const counts = snapshot.board['handCounts'];
  const hand = snapshot.mine['hand'];
  if (!Array.isArray(counts) || !Array.isArray(hand)) return false;
  const count = counts[snapshot.mySeat];
  if (typeof count !== 'number') return false;
  const faceDown = findGame(snapshot.gameId)?.handFaceDown?.(gameViewOf(snapshot)) ?? false;
  return hand.length !== (faceDown ? 0 : count);
}
