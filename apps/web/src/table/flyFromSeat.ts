/**
 * A card played onto the middle of the table comes from where its player sits
 * on screen: an opponent's label, or the player's own hand. Measured on the
 * page, so it holds for any number of seats and any layout (a phone's strip of
 * opponents included), unlike a fixed slide from one of four sides.
 */

/** How long a played card takes to reach the pile. */
export const FLY_MS = 320;

/** The element that stands for a seat on screen; null when it is not drawn. */
export function seatElement(seat: number, mySeat: number | null): Element | null {
  if (seat === mySeat) return document.querySelector('.me .hand') ?? document.querySelector('.me');
  return document.querySelector(`.opponent[data-seat="${seat}"]`);
}

/**
 * Moves `card` from the centre of `from` to where it lies; null (no movement)
 * when the player asked for reduced motion or the browser cannot animate.
 */
export function flyFrom(card: HTMLElement, from: Element): Animation | null {
  if (typeof card.animate !== 'function') return null;
  if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) return null;
  // A card still flying in (the next player was quick) would be measured mid-air: it lands at once instead.
  for (const flight of card.getAnimations()) flight.cancel();
  const start = from.getBoundingClientRect();
  const end = card.getBoundingClientRect();
  const dx = start.left + start.width / 2 - (end.left + end.width / 2);
  const dy = start.top + start.height / 2 - (end.top + end.height / 2);
  return card.animate(
    [
      { transform: `translate(${dx}px, ${dy}px) scale(0.6)`, opacity: 0.5 },
      { transform: 'none', opacity: 1 },
    ],
    { duration: FLY_MS, easing: 'ease-out' },
  );
}

/**
 * Who played the card now on top of a pile, read from two boards in a row:
 * the pile grew by one and one seat's hand shrank by one. Null for anything
 * else (a draw, a reshuffle, a new deal, the first board seen).
 */
export function playerOfNewTop(
  before: { readonly pile: number; readonly handCounts: readonly number[] } | null,
  after: { readonly pile: number; readonly handCounts: readonly number[] },
): number | null {
  if (!before || after.pile !== before.pile + 1) return null;
  const seats = after.handCounts.flatMap((count, seat) => (count === (before.handCounts[seat] ?? -1) - 1 ? [seat] : []));
  return seats.length === 1 ? seats[0]! : null;
}
