import { deadwoodAfterDiscards } from '@deckhand/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, useStackSuite, type Player } from './harness';
import { openTable } from './lobby';

const PHONE = { width: 390, height: 844 };

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('status').textContent()) ?? '';
}

async function handCards(page: Page): Promise<number[]> {
  return page.locator('.gin-hand .hand-card').evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-card'))));
}

/** A point near a card's top-left corner: visible even when the next card overlaps the rest. */
const CARD_EDGE = { x: 6, y: 20 };

async function press(touch: boolean, target: ReturnType<Page['locator']>, card = false, timeout?: number): Promise<void> {
  const options = { position: card ? CARD_EDGE : undefined, timeout };
  if (touch) await target.tap(options);
  else await target.click(options);
}

/**
 * One turn step through the screen, as a sensible person plays: draw from the
 * stock, throw the card that leaves the least deadwood, knock or go gin as
 * soon as the button offers it; as defender, finish the layoff.
 */
async function act(player: Player, touch: boolean, shots: Set<string>): Promise<boolean> {
  const { page } = player;
  const text = await status(page);
  if (text.startsWith('Your turn: draw')) {
    await press(touch, page.getByRole('button', { name: 'Draw from stock' }));
    await expect.poll(() => status(page)).not.toBe(text);
    return true;
  }
  if (text.startsWith('Your turn: discard')) {
    const hand = await handCards(page);
    const { after } = deadwoodAfterDiscards(hand);
    const best = hand[after.indexOf(Math.min(...after))]!;
    await press(touch, page.locator(`.gin-hand .hand-card[data-card="${best}"]`), true);
    const finish = page.getByRole('button', { name: /^(Knock|Gin!|Big gin)/ });
    if ((await finish.count()) > 0) {
      if (!shots.has('knock')) {
        shots.add('knock');
        await screenshot(page, `gin-03-knock-button-${player.name}`);
      }
      await press(touch, finish.first());
    } else {
      await press(touch, page.getByRole('button', { name: /^Discard / }));
    }
    await expect.poll(() => status(page)).not.toBe(text);
    return true;
  }
  if (text.startsWith('Lay off')) {
    if (!shots.has('layoff')) {
      shots.add('layoff');
      await screenshot(page, `gin-04-layoff-${player.name}`);
    }
    // Lay off every card the table offers, then finish. The 30 s turn timer can
    // end the layoff first on a loaded machine: then the hand summary covers the
    // table, and the loop stops rather than clicking through it.
    const stillLayingOff = async () => (await status(page)).startsWith('Lay off');
    // The layoff can also end between that look and a click (the summary then covers the card and the click cannot
    // land): a click gets 3 s, and a miss counts as the end of the layoff when the status says so.
    const pressWhileLayingOff = async (target: ReturnType<Page['locator']>, card = false) => {
      try {
        await press(touch, target, card, 3000);
        return true;
      } catch (error) {
        if (await stillLayingOff()) throw error;
        return false;
      }
    };
    for (const card of await handCards(page)) {
      if (!(await stillLayingOff())) return true;
      if (!(await pressWhileLayingOff(page.locator(`.gin-hand .hand-card[data-card="${card}"]`), true))) return true;
      const layoff = page.getByRole('button', { name: /^Lay .* off on / });
      if ((await layoff.count()) > 0) {
        if (!(await pressWhileLayingOff(layoff.first()))) return true;
        await page.waitForTimeout(150);
      } else if (!(await pressWhileLayingOff(page.locator(`.gin-hand .hand-card[data-card="${card}"]`), true))) {
        return true;
      }
    }
    if (await stillLayingOff()) await pressWhileLayingOff(page.getByRole('button', { name: 'Done laying off' }));
    return true;
  }
  return false;
}

describe.skipIf(!chromiumAvailable)('Gin Rummy in the browser', () => {
  const suite = useStackSuite();

  it('two people, one on a phone, play a full hand to the showdown; the hand can be rearranged', async () => {
    const ana = await suite.open('Ana');
    const link = await openTable(suite.stack.baseUrl, ana, /Gin Rummy/);

    const ben = await suite.open('Ben', PHONE, true);
    await ben.page.goto(link);
    await ben.page.getByLabel('Your name').fill('Ben');
    await ben.page.getByRole('button', { name: 'Join' }).tap();
    await expect.poll(() => ana.page.locator('.seat', { hasText: 'Ben' }).count()).toBe(1);
    await ana.page.getByRole('button', { name: 'Start game' }).click();
    for (const player of [ana, ben]) {
      await expect.poll(() => player.page.locator('.gin-hand .hand-card').count(), { timeout: 10_000 }).toBe(10);
      await expect.poll(() => player.page.getByTestId('gin-deadwood').textContent()).toMatch(/^Deadwood \d+/);
    }
    await screenshot(ana.page, 'gin-01-table-desktop');
    await screenshot(ben.page, 'gin-02-table-phone');

    // Rearranging: a card tapped into a group of its own is deadwood on screen; "Sort melds" puts back the best.
    const deadwoodText = async () => (await ben.page.getByTestId('gin-deadwood').textContent()) ?? '';
    const before = await deadwoodText();
    const firstGrouped = ben.page.locator('[data-testid="gin-group"] .hand-card').first();
    const grouped = (await firstGrouped.count()) > 0;
    const card = grouped ? firstGrouped : ben.page.locator('[data-testid="gin-loose"] .hand-card').first();
    await card.tap({ position: CARD_EDGE });
    await ben.page.getByRole('button', { name: /^New group with / }).tap();
    await expect.poll(() => ben.page.locator('[data-testid="gin-group"]').count()).toBeGreaterThan(0);
    if (grouped) {
      await expect.poll(deadwoodText).not.toBe(before);
      expect(await deadwoodText()).toMatch(/best arrangement/);
    }
    await screenshot(ben.page, 'gin-02b-rearranged-phone');
    await ben.page.getByRole('button', { name: 'Sort melds' }).tap();
    await expect.poll(deadwoodText).toBe(before);

    const shots = new Set<string>();
    const started = Date.now();
    const summaryUp = (page: Page) => page.locator('[aria-labelledby="hand-summary-title"]').count();
    for (;;) {
      if (Date.now() - started > 150_000) throw new Error('no showdown in time');
      if ((await summaryUp(ana.page)) > 0 && (await summaryUp(ben.page)) > 0) {
        const result = (await ana.page.getByTestId('showdown-result').textContent()) ?? '';
        if (!result.startsWith('The stock ran down')) break;
        // A dead hand shows nothing: deal the next one and play on to a real showdown.
        for (const player of [ana, ben]) await player.page.getByRole('button', { name: 'Continue' }).click();
        await expect.poll(() => summaryUp(ana.page)).toBe(0);
        continue;
      }
      const acted = (await act(ana, false, shots)) || (await act(ben, true, shots));
      if (!acted) await ana.page.waitForTimeout(50);
    }

    // Both see the same showdown: both hands laid out, melds and deadwood.
    for (const player of [ana, ben]) {
      await expect.poll(() => player.page.getByTestId('showdown-knocker').isVisible()).toBe(true);
      await expect.poll(() => player.page.getByTestId('showdown-defender').isVisible()).toBe(true);
      expect(await player.page.getByTestId('showdown-result').textContent()).toMatch(/(knocked|undercut|gin).*: \d+ points/);
    }
    const anaText = await ana.page.getByTestId('showdown-result').textContent();
    expect(await ben.page.getByTestId('showdown-result').textContent()).toBe(anaText);
    await screenshot(ana.page, 'gin-05-showdown-desktop');
    await screenshot(ben.page, 'gin-06-showdown-phone');
    const log = (await ana.page.getByTestId('event-log').textContent()) ?? '';
    expect(log).toMatch(/(knocked with \d+ deadwood|went gin)/);
  });
});
