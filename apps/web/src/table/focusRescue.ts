import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Whether the page's last input was a key rather than a pointer. Listened for
 * from the app's start, not from the table's: the key that opens the table
 * ("Start game") comes before it.
 */
let keyboardLast = false;
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => void (keyboardLast = true), true);
  window.addEventListener('pointerdown', () => void (keyboardLast = false), true);
}

/**
 * A control that goes away while it has the focus drops the focus to the start
 * of the page, and a keyboard player then tabs through the whole table again:
 * a card played by Enter (the server's patch takes it out of the hand), a bid
 * button once the bid is sent, "Pass 3 cards", Gin Rummy's Discard, a suit in
 * the Crazy Eights chooser, the lobby's "Start game" as the table replaces the
 * lobby. After each render, if the element last focused inside `root` is gone
 * (or the table has just opened) and nothing else has the focus, the hand
 * takes it: a card that left gives its place to the card now there (or the
 * last); anything else to the first playable card, else the first card.
 *
 * Only after a key: a tap or a click that made something vanish leaves the
 * focus alone (on a phone a focused dimmed card shows its reason unasked).
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>): void {
  /** The element last focused in `root`, and its place in the hand when it is a card. */
  const lastFocused = useRef<{ element: Element; handIndex: number } | null>(null);
  /** Set while the table has just opened and its hand has not yet been offered the focus. */
  const opening = useRef(true);

  useEffect(() => {
    const node = root.current;
    if (!node) return undefined;
    const onFocusIn = (event: FocusEvent): void => {
      const element = event.target as Element;
      lastFocused.current = { element, handIndex: [...node.querySelectorAll('.hand-card')].indexOf(element) };
    };
    node.addEventListener('focusin', onFocusIn);
    return () => node.removeEventListener('focusin', onFocusIn);
  }, [root]);

  useLayoutEffect(() => {
    const last = lastFocused.current;
    const lost = last !== null && !last.element.isConnected;
    if (!lost && !opening.current) return;
    const cards = [...(root.current?.querySelectorAll<HTMLElement>('.hand-card') ?? [])];
    // Opening: wait for a render that shows the hand (a spectator has none).
    if (opening.current && !lost && cards.length === 0) return;
    opening.current = false;
    lastFocused.current = null;
    const active = document.activeElement;
    if (!keyboardLast || (active !== null && active !== document.body)) return;
    const card =
      lost && last.handIndex >= 0 ? cards[Math.min(last.handIndex, cards.length - 1)] : (cards.find((button) => button.classList.contains('legal')) ?? cards[0]);
    card?.focus({ preventScroll: true });
  });
}
