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
 * A control that goes away while it has the focus (a bid button once the bid
 * is sent, "Pass 3 cards", Gin Rummy's Discard, a suit in the Crazy Eights
 * chooser, the lobby's "Start game" as the table replaces the lobby) drops the
 * focus to the start of the page, and a keyboard player then tabs through the
 * whole table again. After each render, if the element last focused inside
 * `root` is gone (or the table has just opened) and nothing else has the
 * focus, the hand takes it: its first playable card, else its first card.
 *
 * Only after a key: a tap or a click that made a button vanish leaves the
 * focus alone (on a phone a focused dimmed card shows its reason unasked).
 * The hand itself puts the focus on a neighbour when a card played from the
 * keyboard leaves it (`Hand`); this runs after that and then has nothing to do.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>): void {
  const lastFocused = useRef<Element | null>(null);
  /** Set while the table has just opened and its hand has not yet been offered the focus. */
  const opening = useRef(true);

  useEffect(() => {
    const node = root.current;
    if (!node) return undefined;
    const onFocusIn = (event: FocusEvent): void => {
      lastFocused.current = event.target as Element;
    };
    node.addEventListener('focusin', onFocusIn);
    return () => node.removeEventListener('focusin', onFocusIn);
  }, [root]);

  useLayoutEffect(() => {
    const lost = lastFocused.current !== null && !lastFocused.current.isConnected;
    if (!lost && !opening.current) return;
    const hand = root.current;
    const card = hand?.querySelector<HTMLElement>('.hand-card.legal') ?? hand?.querySelector<HTMLElement>('.hand-card');
    // Opening: wait for a render that shows the hand (a spectator has none).
    if (opening.current && !lost && !card) return;
    opening.current = false;
    lastFocused.current = null;
    const active = document.activeElement;
    if (!keyboardLast || (active !== null && active !== document.body)) return;
    card?.focus({ preventScroll: true });
  });
}
