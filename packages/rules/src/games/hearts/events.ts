/**
 * A Hearts move's events, read back from the public views around it. The
 * board shows everything an event says (the card in the trick, the trick's
 * winner and points, hearts broken, the scored hand), so a client rebuilds
 * the log from the synchronized state alone.
 */
import type { Seat } from '../../game';
import { HeartsPhase } from './state';
import type { HeartsEvent } from './state';
import { outcomeOf } from './scoring';
import type { HeartsPublic } from './views';

export function heartsEventsBetween(before: HeartsPublic, after: HeartsPublic, seat: Seat): HeartsEvent[] {
  switch (before.phase) {
    case HeartsPhase.Passing: {
      const events: HeartsEvent[] = [{ type: 'passed', seat }];
      // [H-04] The fourth pass delivers every pass at once.
      if (after.phase !== HeartsPhase.Passing) events.push({ type: 'passesExchanged', passDirection: before.passDirection });
      return events;
    }
    case HeartsPhase.Playing: {
      // The fourth card completes the trick, which then shows as the last trick.
      const trickDone = after.tricksPlayed > before.tricksPlayed;
      const card = (trickDone ? after.lastTrick : after.trick)[seat] ?? -1;
      const events: HeartsEvent[] = [{ type: 'played', seat, card }];
      if (!before.heartsBroken && after.heartsBroken) events.push({ type: 'heartsBroken', seat, card });
      if (trickDone) {
        const winner = after.lastTrickWinner;
        events.push({ type: 'trickWon', seat: winner, points: (after.handPoints[winner] ?? 0) - (before.handPoints[winner] ?? 0) });
      }
      if (after.phase === HeartsPhase.HandOver) {
        events.push({ type: 'handScored', points: after.lastHandPoints.slice(), moonShooter: after.moonShooter });
      }
      return events;
    }
    case HeartsPhase.HandOver: {
      const events: HeartsEvent[] = [{ type: 'continued', seat }];
      if (after.phase === HeartsPhase.GameOver) {
        events.push({ type: 'gameOver', winners: outcomeOf(after.scores).winners });
      } else if (after.handNumber !== before.handNumber) {
        events.push({ type: 'handDealt', handNumber: after.handNumber, passDirection: after.passDirection });
      }
      return events;
    }
    case HeartsPhase.GameOver:
      return [];
    default: {
      const never: never = before.phase;
      return never;
    }
  }
}
