import type { GameEventsMessage, SeatSnapshot } from '@deckhand/protocol';
import { cardName, isCard, suitName, type Suit } from '@deckhand/rules';
import { seatLabel } from './SeatBadges';

/** "Queen of spades" inside a sentence reads "the queen of spades". */
function cardInSentence(card: unknown): string {
  if (!isCard(card)) return 'a card';
  const name = cardName(card);
  return `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

function field(event: object, key: string): unknown {
  return (event as Record<string, unknown>)[key];
}

/** Turns one game-events message into log lines ("Ana played the queen of spades"). */
export function describeEvents(gameId: string, message: GameEventsMessage, seats: readonly SeatSnapshot[]): string[] {
  const nameOf = (seat: unknown): string => (typeof seat === 'number' ? seatLabel(seats[seat], seat) : 'Someone');
  const lines: string[] = [];
  const actor = nameOf(message.seat);
  if (message.by === 'timeout') lines.push(`${actor} ran out of time; the server played for them.`);
  for (const event of message.events) {
    const seat = nameOf(field(event, 'seat'));
    switch (event.type) {
      case 'played': {
        const suit = field(event, 'suit');
        const card = field(event, 'card');
        const named = gameId === 'crazy-eights' && isCard(card) && (card % 13) + 2 === 8 && typeof suit === 'number'
          ? ` and named ${suitName(suit as Suit)}`
          : '';
        lines.push(`${seat} played ${cardInSentence(card)}${named}.`);
        break;
      }
      case 'drew':
        lines.push(`${seat} drew a card.`);
        break;
      case 'passed':
        lines.push(gameId === 'hearts' ? `${seat} chose 3 cards to pass.` : `${seat} passed.`);
        break;
      case 'passesExchanged':
        lines.push(`Cards were passed ${String(field(event, 'passDirection'))}.`);
        break;
      case 'heartsBroken':
        lines.push('Hearts are broken.');
        break;
      case 'trickWon': {
        const points = Number(field(event, 'points'));
        lines.push(`${seat} took the trick${points ? ` (${points} point${points === 1 ? '' : 's'})` : ''}.`);
        break;
      }
      case 'reshuffled':
        lines.push('The discard pile was shuffled into a new stock.');
        break;
      case 'handDealt': {
        const hand = field(event, 'handNumber');
        const direction = field(event, 'passDirection');
        lines.push(`Hand ${String(hand)} dealt${typeof direction === 'string' && direction !== 'none' ? `: pass ${direction}` : ''}.`);
        break;
      }
      case 'handScored': {
        const points = field(event, 'points');
        const moon = field(event, 'moonShooter');
        if (typeof moon === 'number' && moon >= 0) lines.push(`${nameOf(moon)} shot the moon!`);
        if (Array.isArray(points)) {
          lines.push(`Hand over: ${points.map((p, i) => `${nameOf(i)} ${String(p)}`).join(', ')}.`);
        }
        break;
      }
      case 'gameOver': {
        const winners = field(event, 'winners');
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
