/**
 * Records, in the page, every card that flies onto a pile (`.pile-top`
 * animated with the Web Animations API): where the card starts, and where
 * each seat is drawn at that moment. Installed before the page loads.
 */
import type { Page } from 'playwright-core';
import type { Box } from './geometry';

export interface PileFlight {
  readonly card: number;
  /** The card's box when its animation starts. */
  readonly start: Box;
  /** Each opponent's label, by seat, and the player's own hand, at that moment. */
  readonly seats: Readonly<Record<string, Box>>;
  readonly hand: Box | null;
}

declare global {
  interface Window {
    __pileFlights?: PileFlight[];
    /** Set to stop the next flight a third of the way, for a screenshot; `__frozenFlight.play()` goes on. */
    __freezeNextFlight?: boolean;
    __frozenFlight?: Animation;
    /** Every card ever drawn in the player's own hand, recorded on each DOM change. */
    __handCardsSeen?: Set<number>;
  }
}

export async function recordPileFlights(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__pileFlights = [];
    // Which cards were the player's is told from what their hand showed, at every change of the page: a card that
    // left it between two reads of the test (the server's answer arriving late) is still known to have been there.
    const seen = (window.__handCardsSeen = new Set<number>());
    new MutationObserver(() => {
      for (const card of document.querySelectorAll<HTMLElement>('.me .hand .hand-card')) seen.add(Number(card.dataset.card));
    }).observe(document, { childList: true, subtree: true });
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      // The card's resting box, before its flight moves it (flyFrom ends any earlier flight before this call).
      const resting = this.getBoundingClientRect();
      const animation = animate.apply(this, args);
      if (this instanceof HTMLElement && this.matches('.pile-top')) {
        const box = (element: Element) => {
          const r = element.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        const hand = document.querySelector('.me .hand');
        // Where the card starts: its resting box moved by the first keyframe's translate (scaled about its centre).
        // Read from the keyframes, not from the box with the animation applied: a play-pending animation may not be
        // applied yet when measured (it was not, once, on a loaded CI machine), and the box would be the pile's own.
        const rest = { left: resting.left, top: resting.top, right: resting.right, bottom: resting.bottom };
        const first = (Array.isArray(args[0]) ? args[0][0] : null) as { transform?: string } | null;
        const shift = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(first?.transform ?? '');
        const [dx, dy] = shift ? [Number(shift[1]), Number(shift[2])] : [0, 0];
        window.__pileFlights!.push({
          card: Number(this.dataset.card),
          start: { left: rest.left + dx, top: rest.top + dy, right: rest.right + dx, bottom: rest.bottom + dy },
          seats: Object.fromEntries([...document.querySelectorAll<HTMLElement>('.opponent[data-seat]')].map((seat) => [seat.dataset.seat, box(seat)])),
          hand: hand ? box(hand) : null,
        });
        if (window.__freezeNextFlight) {
          window.__freezeNextFlight = false;
          animation.pause();
          animation.currentTime = 100;
          window.__frozenFlight = animation;
        }
      }
      return animation;
    };
  });
}

export async function pileFlights(page: Page): Promise<PileFlight[]> {
  return page.evaluate(() => window.__pileFlights ?? []);
}

/** The cards the player's hand has shown since the page loaded. */
export async function handCardsSeen(page: Page): Promise<Set<number>> {
  return new Set(await page.evaluate(() => [...(window.__handCardsSeen ?? [])]));
}

/** The middle of a box, and whether a point lies in a box. */
export function centre(box: Box): { x: number; y: number } {
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

export function contains(box: Box, point: { x: number; y: number }): boolean {
  return point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;
}
