/** Plays through the UI only, the way a person would: read the screen, click what is offered. */
import type { Page } from 'playwright-core';
import { screenshot } from './harness';

export type Step = 'acted' | 'waiting' | 'over';

/** A point near a card's top-left corner: visible even when the next card overlaps the rest. */
const CARD_EDGE = { x: 8, y: 24 };

interface Screen {
  readonly over: boolean;
  readonly summary: boolean;
  readonly canContinue: boolean;
  readonly status: string;
  readonly legal: readonly string[];
  readonly pickable: readonly string[];
  readonly suitChooser: boolean;
  readonly draw: boolean;
  readonly pass: boolean;
  /** A bidding row (Spades) is offered. */
  readonly bid: boolean;
  /** A blind nil choice is offered: the cards are still face down. */
  readonly blindChoice: boolean;
}

async function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll('button')];
    const byText = (text: string) => buttons.some((b) => b.textContent?.trim() === text && !b.disabled);
    return {
      over: document.querySelector('[aria-labelledby="game-over-title"]') !== null,
      summary: document.querySelector('[aria-labelledby="hand-summary-title"]') !== null,
      canContinue: byText('Continue'),
      status: document.querySelector('[data-testid="status"]')?.textContent ?? '',
      legal: [...document.querySelectorAll('.hand-card[data-legal="true"]')].map((b) => b.getAttribute('data-card') ?? ''),
      pickable: [...document.querySelectorAll('.hand-card[aria-pressed]')].map((b) => b.getAttribute('data-card') ?? ''),
      suitChooser: document.querySelector('.suit-chooser') !== null,
      draw: byText('Draw'),
      pass: byText('Pass'),
      bid: document.querySelector('[role="group"][aria-label="Your bid"]') !== null,
      blindChoice: document.querySelector('[role="group"][aria-label="Blind nil"]') !== null,
    };
  });
}

/**
 * One action if the screen asks for one. `tapToPlay` plays with tap-select
 * then the Play button (the phone way); otherwise tap twice on the card.
 */
export interface StepOptions {
  /** Play with tap-select and the Play button (the phone way). */
  readonly tapToPlay?: boolean;
  /** Leave a hand summary open (no Continue), for a test that reads it. */
  readonly stayOnSummary?: boolean;
}

export async function step(page: Page, options: StepOptions = {}): Promise<Step> {
  const before = await signature(page);
  const result = await act(page, options);
  if (result === 'acted') {
    // Wait for the server's answer to show before reading the screen again, or a stale screen would be acted on twice.
    const until = Date.now() + 3000;
    while (Date.now() < until && (await signature(page)) === before) await new Promise((r) => setTimeout(r, 25));
  }
  return result;
}

/** What changes on screen when a move lands: the status line, the hand, the dialogs and the suit chooser. */
async function signature(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([
      document.querySelector('[data-testid="status"]')?.textContent ?? '',
      [...document.querySelectorAll('.hand-card')].map((b) => `${b.getAttribute('data-card')}:${b.className}`).join(','),
      document.querySelector('.suit-chooser') !== null,
      document.querySelector('[role="dialog"]')?.textContent ?? '',
    ]),
  );
}

async function act(page: Page, options: StepOptions): Promise<Step> {
  const screen = await readScreen(page);
  if (screen.over) return 'over';
  if (screen.summary) {
    if (!screen.canContinue || options.stayOnSummary) return 'waiting';
    // The summary's own countdown may close it first: then the click misses in 3 s, not the page's 15, while
    // the other pages wait for their turn to be stepped (their turn timers running).
    await page.getByRole('button', { name: 'Continue' }).click({ timeout: 3000 });
    return 'acted';
  }
  if (screen.suitChooser) {
    // The eight waiting for its suit is the selected card.
    const card = await page.evaluate(() => document.querySelector('.hand-card.selected')?.getAttribute('data-card') ?? '');
    await page.locator('.suit-chooser button').first().click();
    await untilPlayed(page, card, false);
    return 'acted';
  }
  if (screen.status.startsWith('Choose 3 cards')) {
    for (const card of screen.pickable.slice(0, 3)) {
      await page.locator(`.hand-card[data-card="${card}"]`).click({ position: CARD_EDGE, timeout: 3000 });
    }
    await page.getByRole('button', { name: /^Pass 3 cards/ }).click();
    return 'acted';
  }
  if (screen.blindChoice) {
    await page.getByRole('button', { name: 'Look at my cards' }).click();
    return 'acted';
  }
  if (screen.bid) {
    // A modest bid, as a person without a count of their tricks might make.
    await page.getByRole('button', { name: 'Bid 3', exact: true }).click();
    return 'acted';
  }
  if (screen.status !== 'Your turn') return 'waiting';
  const card = screen.legal[0];
  if (card !== undefined) {
    const button = page.locator(`.hand-card[data-card="${card}"]`);
    if (options.tapToPlay) {
      await button.tap();
      await page.getByRole('button', { name: /^Play / }).tap();
    } else {
      // In a long hand the cards overlap: aim at the left edge, the part of a card a person sees and clicks.
      await button.click({ position: CARD_EDGE, timeout: 3000 });
      await button.click({ position: CARD_EDGE, timeout: 3000 });
    }
    await untilPlayed(page, card, true);
    return 'acted';
  }
  if (screen.draw) {
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    return 'acted';
  }
  if (screen.pass) {
    await page.getByRole('button', { name: 'Pass', exact: true }).click();
    return 'acted';
  }
  return 'waiting';
}

/**
 * Waits (3 s at most) for a played card to leave the hand or the turn to pass: the server's answer. `step`'s changed
 * screen can come before it (a suit chooser closing, a selection showing), and the caller would read the hand before
 * the move. `orChooser`: a suit chooser opening is the answer too (an eight asks for its suit before it is sent).
 */
async function untilPlayed(page: Page, card: number | string, orChooser: boolean): Promise<void> {
  await page
    .waitForFunction(
      ([played, chooser]) =>
        document.querySelector(`.hand-card[data-card="${played}"]`) === null ||
        (chooser && document.querySelector('.suit-chooser') !== null) ||
        document.querySelector('[data-testid="status"]')?.textContent !== 'Your turn',
      [card, orChooser] as const,
      { timeout: 3000 },
    )
    .catch(() => undefined);
}

/** Steps every page until `done` holds, failing after `timeoutMs`. */
export async function playUntil(
  pages: readonly Page[],
  done: () => Promise<boolean>,
  timeoutMs: number,
  onStep?: (page: Page, index: number) => Promise<void>,
  options: StepOptions = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let lastAction = Date.now();
  while (!(await done())) {
    if (Date.now() - lastAction > 5000) {
      // Nobody could act for a while: say what each screen showed, to tell a slow server from a stuck UI.
      const screens = await Promise.all(pages.map((page) => readScreen(page).catch((error: unknown) => String(error))));
      console.warn(`e2e: no action for 5 s; screens: ${JSON.stringify(screens)}`);
      lastAction = Date.now();
    }
    if (Date.now() > until) {
      const screens = await Promise.all(pages.map((page) => readScreen(page).catch((error: unknown) => String(error))));
      throw new Error(`play did not finish within ${timeoutMs} ms; screens: ${JSON.stringify(screens)}`);
    }
    let acted = false;
    for (const [index, page] of pages.entries()) {
      const result = await step(page, options).catch((error: unknown) => {
        // The screen changed under the click (a patch arrived): read it again next round.
        if (error instanceof Error && /detached|not attached|Timeout|intercepts pointer/i.test(error.message)) {
          console.warn(`e2e: a click missed, reading the screen again: ${error.message.split('\n').slice(0, 12).join(' | ')}`);
          return 'waiting' as const;
        }
        throw error;
      });
      if (result === 'acted') {
        acted = true;
        lastAction = Date.now();
        await onStep?.(page, index);
      }
    }
    if (!acted) await new Promise((r) => setTimeout(r, 50));
  }
}

export async function isGameOver(page: Page): Promise<boolean> {
  return (await page.locator('[aria-labelledby="game-over-title"]').count()) > 0;
}

export async function handSummaryShown(page: Page): Promise<boolean> {
  return (await page.locator('[aria-labelledby="hand-summary-title"]').count()) > 0;
}

/** Plays the hand out until every page shows the hand summary, and leaves it open for the test to read. */
export async function playToHandSummary(pages: readonly Page[], onStep?: (page: Page, index: number) => Promise<void>): Promise<void> {
  const everyoneSeesIt = async () => (await Promise.all(pages.map(handSummaryShown))).every(Boolean);
  await playUntil(pages, everyoneSeesIt, 120_000, onStep, { stayOnSummary: true });
}

/** An `onStep` that saves one screenshot, the first time a trick shows `cards` cards or more. */
export function screenshotATrick(cards: number, name: string): (page: Page) => Promise<void> {
  let taken = false;
  return async (page) => {
    if (taken || (await page.locator('[data-testid="trick"] .slot').count()) < cards) return;
    taken = true;
    await screenshot(page, name);
  };
}
