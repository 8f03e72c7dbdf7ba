/** What a player on a small screen can see and tap without scrolling, measured in the page. */
import type { Page } from 'playwright-core';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface TableGeometry {
  readonly viewport: { readonly width: number; readonly height: number };
  /** The page's scrollable size: equal to the viewport when nothing scrolls. */
  readonly scroll: { readonly width: number; readonly height: number };
  readonly cards: readonly { readonly card: string; readonly box: Box; readonly hit: Box | null }[];
  /** Distinct rows the hand's cards sit in. */
  readonly handRows: number;
  /** The trick (Hearts) or the piles (Crazy Eights). */
  readonly center: Box | null;
  /** Whether the middle shows anything (an empty trick is an invisible box and may overlap freely). */
  readonly centerShown: boolean;
  readonly status: Box | null;
  readonly timer: Box | null;
  /** `overflows`: the line (name, badges, count) is wider than the opponent's box. */
  readonly opponents: readonly { readonly text: string; readonly box: Box; readonly lines: number; readonly overflows: boolean }[];
  /** The host's lock toggle during a game (null for everyone else), and the header's brand it shares a line with. */
  readonly door: Box | null;
  readonly brand: Box | null;
  /** The table's other buttons (a game's draw or pass buttons, the drawer toggle): not the cards, not the piles. */
  readonly controls: readonly { readonly text: string; readonly box: Box }[];
}

/**
 * Boxes of everything a player needs, and for each hand card the part a tap
 * actually reaches (hit-tested on a 2 px grid, so overlapping cards count only
 * where they show).
 */
export async function measureTable(page: Page): Promise<TableGeometry> {
  return page.evaluate(() => {
    const box = (element: Element | null) => {
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const cards = [...document.querySelectorAll<HTMLElement>('.hand-card')].map((card) => {
      const r = card.getBoundingClientRect();
      let hit: { left: number; top: number; right: number; bottom: number } | null = null;
      for (let x = Math.ceil(r.left); x < r.right; x += 2) {
        for (let y = Math.ceil(r.top); y < r.bottom; y += 2) {
          if (document.elementFromPoint(x, y)?.closest('.hand-card') !== card) continue;
          hit = hit
            ? { left: Math.min(hit.left, x), top: Math.min(hit.top, y), right: Math.max(hit.right, x + 2), bottom: Math.max(hit.bottom, y + 2) }
            : { left: x, top: y, right: x + 2, bottom: y + 2 };
        }
      }
      return { card: card.getAttribute('data-card') ?? '', box: box(card)!, hit };
    });
    const rowTops: number[] = [];
    for (const { box: b } of cards) if (!rowTops.some((top) => Math.abs(top - b.top) < 20)) rowTops.push(b.top);
    const scroller = document.scrollingElement ?? document.documentElement;
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scroll: { width: scroller.scrollWidth, height: scroller.scrollHeight },
      cards,
      handRows: rowTops.length,
      center: box(document.querySelector('[data-testid="trick"], .pile-area')),
      centerShown: document.querySelector('[data-testid="trick"] .slot, .pile-area') !== null,
      status: box(document.querySelector('[data-testid="status"]')),
      timer: box(document.querySelector('.ring')),
      opponents: [...document.querySelectorAll<HTMLElement>('.opponent')].map((opponent) => {
        const line = opponent.querySelector<HTMLElement>('.opponent-line') ?? opponent;
        const lineHeight = parseFloat(getComputedStyle(line).lineHeight) || 22;
        return {
          text: line.innerText,
          box: box(opponent)!,
          lines: Math.round(line.getBoundingClientRect().height / lineHeight),
          overflows: line.scrollWidth > line.clientWidth + 1,
        };
      }),
      door: box(document.querySelector('.door-bar label')),
      brand: box(document.querySelector('.topbar .brand')),
      controls: [...document.querySelectorAll<HTMLElement>('.felt button, .me button')]
        .filter((button) => !button.closest('.hand-card, .pile-area, .hand, .gin-cards') && button.getClientRects().length > 0)
        .map((button) => ({ text: button.innerText.trim(), box: box(button)! })),
    };
  });
}

/** Everything listed in `TableGeometry` that lies (partly) outside the viewport, or is too small to tap; empty when all is well. */
export function tableProblems(g: TableGeometry): string[] {
  const { width, height } = g.viewport;
  const inside = (b: Box) => b.left >= -0.5 && b.top >= -0.5 && b.right <= width + 0.5 && b.bottom <= height + 0.5;
  const problems: string[] = [];
  if (g.scroll.width > width || g.scroll.height > height) problems.push(`the page scrolls: ${g.scroll.width}x${g.scroll.height} in ${width}x${height}`);
  if (g.handRows > 2) problems.push(`the hand wraps into ${g.handRows} rows`);
  for (const { card, box, hit } of g.cards) {
    if (!inside(box)) problems.push(`card ${card} is outside the viewport (${JSON.stringify(box)})`);
    if (!hit) problems.push(`card ${card} cannot be tapped at all`);
    else if (hit.bottom - hit.top < 44 || hit.right - hit.left < 24) {
      problems.push(`card ${card} tap target is ${hit.right - hit.left}x${hit.bottom - hit.top} px`);
    }
  }
  if (!g.center || !inside(g.center)) problems.push(`the trick / pile is not in view (${JSON.stringify(g.center)})`);
  if (!g.status || !inside(g.status)) problems.push(`the status line is not in view (${JSON.stringify(g.status)})`);
  // Squeezed for height, the middle of the table spills over its neighbours rather than scrolling: that is as bad.
  const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const shown = g.centerShown ? g.center : null;
  if (shown && g.status && overlaps(shown, g.status)) problems.push('the trick / pile overlaps the status line');
  for (const opponent of g.opponents) {
    if (shown && overlaps(shown, opponent.box)) problems.push(`the trick / pile overlaps opponent "${opponent.text}"`);
  }
  if (g.timer && !inside(g.timer)) problems.push(`the turn timer is not in view (${JSON.stringify(g.timer)})`);
  for (const opponent of g.opponents) {
    if (!inside(opponent.box)) problems.push(`opponent "${opponent.text}" is not in view`);
    if (opponent.lines > 1) problems.push(`opponent "${opponent.text}" takes ${opponent.lines} lines`);
    if (opponent.overflows) problems.push(`opponent "${opponent.text}" does not fit its box`);
  }
  for (const [index, control] of g.controls.entries()) {
    if (!inside(control.box)) problems.push(`the button "${control.text}" is not in view`);
    if (g.status && overlaps(control.box, g.status)) problems.push(`the button "${control.text}" overlaps the status line`);
    for (const other of g.controls.slice(index + 1)) {
      if (overlaps(control.box, other.box)) problems.push(`the buttons "${control.text}" and "${other.text}" overlap`);
    }
  }
  if (g.door) {
    if (!inside(g.door)) problems.push(`the lock toggle is not in view (${JSON.stringify(g.door)})`);
    if (g.brand && overlaps(g.door, g.brand)) problems.push('the lock toggle overlaps the header');
    for (const part of [g.center, g.status, ...g.opponents.map((o) => o.box)]) {
      if (part && overlaps(g.door, part)) problems.push('the lock toggle overlaps the table');
    }
  }
  return problems;
}

/**
 * Each dimmed card's reason, shown by focusing the card (as hover or a keyboard would), must lie whole on the
 * screen; an empty list when all do. Leaves nothing focused.
 */
export async function reasonProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const item of document.querySelectorAll<HTMLElement>('.hand li')) {
      const reason = item.querySelector<HTMLElement>('.reason');
      const card = item.querySelector<HTMLButtonElement>('button');
      if (!reason || !card) continue;
      card.focus();
      const r = reason.getBoundingClientRect();
      if (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5 || r.top < -0.5) {
        problems.push(`the reason on card ${card.dataset['card'] ?? '?'} is cut off (${Math.round(r.left)}-${Math.round(r.right)})`);
      }
      card.blur();
    }
    return problems;
  });
}
