import type { GameEventsMessage, SeatSnapshot } from '@deckhand/protocol';
import { tablePartsOf } from '../games/registry';
import { seatLabel } from './SeatBadges';
import { cardInSentence } from './words';

/**
 * Turns one game-events message into log lines ("Ana played the queen of
 * spades"). Events every game shares are worded here; a game words its own
 * through its table parts' `describeEvent`.
 */
export function describeEvents(gameId: string, message: GameEventsMessage, seats: readonly SeatSnapshot[]): string[] {
  const nameOf = (seat: unknown): string => (typeof seat === 'number' ? seatLabel(seats[seat], seat) : 'Someone');
  const parts = tablePartsOf(gameId);
  const lines: string[] = [];
  const actor = nameOf(message.seat);
  if (message.by === 'timeout') lines.push(`${actor} ran out of time; the server played for them.`);
  for (const event of message.events) {
    const fields = event as unknown as Readonly<Record<string, unknown>>;
    const own = parts?.describeEvent?.(fields, nameOf);
    if (own !== undefined) {
      lines.push(...own);
      continue;
    }
    const seat = nameOf(fields.seat);
    switch (event.type) {
      case 'played':
        lines.push(`${seat} played ${cardInSentence(fields.card)}.`);
        break;
      case 'drew':
        lines.push(`${seat} drew a card.`);
        break;
      case 'trickWon': {
        const points = Number(fields.points);
        lines.push(`${seat} took the trick${points ? ` (${points} point${points === 1 ? '' : 's'})` : ''}.`);
        break;
      }
      case 'handDealt': {
        const direction = fields.passDirection;
        lines.push(`Hand ${String(fields.handNumber)} dealt${typeof direction === 'string' && direction !== 'none' ? `: pass ${direction}` : ''}.`);
        break;
      }
      case 'handScored': {
        const points = fields.points;
        const moon = fields.moonShooter;
        if (typeof moon === 'number' && moon >= 0) lines.push(`${nameOf(moon)} shot the moon!`);
        if (Array.isArray(points)) {
          lines.push(`Hand over: ${points.map((p, i) => `${nameOf(i)} ${String(p)}`).join(', ')}.`);
        }
        break;
      }
      case 'gameOver': {
        const winners = fields.winners;
        if (Array.isArray(winners)) lines.push(`Game over: ${winners.map(nameOf).join(' and ')} won.`);
        break;
      }
      case 'continued':
        break;
      default:
        lines.push(`${seat}: ${event.type}.`);
    }
  }
  return lines;
}
