import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A control that goes away while it has the focus (a bid button once the bid
 * is sent, "Pass 3 cards", Gin Rummy's Discard, a suit in the Crazy Eights
 * chooser) drops the focus to the start of the page, and a keyboard player
 * then tabs through the whole table again. After each render, if the element
 * last focused inside `root` is gone and nothing else has the focus, the hand
 * takes it: its first playable card, else its first card.
 *
 * Only after a key: a tap or a click that made a button vanish leaves the
 * focus alone (on a phone a focused dimmed card shows its reason unasked).
 * The hand itself puts the focus on a neighbour when a card played from the
 * keyboard leaves it (`Hand`); this runs after that and then has nothing to do.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>): void {
  const lastFocused = useRef<Element | null>(null);
  const fromKeyboard = useRef(false);

  useEffect(() => {
    const node = root.current;
    if (!node) return undefined;
    const onFocusIn = (event: FocusEvent): void => {
      lastFocused.current = event.target as Element;
    };
    const onKey = (): void => {
      fromKeyboard.current = true;
    };
    const onPointer = (): void => {
      fromKeyboard.current = false;
    };
    node.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      node.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [root]);

  useLayoutEffect(() => {
    const lost = lastFocused.current;
    if (lost === null || lost.isConnected) return;
    lastFocused.current = null;
    const active = document.activeElement;
    if (!fromKeyboard.current || (active !== null && active !== document.body)) return;
    const hand = root.current;
    const card = hand?.querySelector<HTMLElement>('.hand-card.legal') ?? hand?.querySelector<HTMLElement>('.hand-card');
    card?.focus({ preventScroll: true });
  });
}
