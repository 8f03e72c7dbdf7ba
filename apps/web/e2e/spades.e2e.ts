import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, screenshotOf, useStackSuite, type Player } from './harness';
import { playUntil } from './play';

const summaryShown = (player: Player) => player.page.locator('[aria-labelledby="hand-summary-title"]').count().then((n) => n > 0);

describe.skipIf(!chromiumAvailable)('Spades in the browser', () => {
  const suite = useStackSuite();

  it('two people seated as partners and two bots bid and play a hand to the summary by side', async () => {
    const ana = await suite.open('Ana');
    const ben = await suite.open('Ben');
    await ana.page.goto(suite.stack.baseUrl);
    await ana.page.getByLabel('Your name').fill('Ana');
    await ana.page.getByRole('radio', { name: /Spades/ }).check();
    await ana.page.getByRole('button', { name: 'Create table' }).click();
    const link = await ana.page.getByTestId('invite-link').inputValue();
    await ben.page.goto(link);
    await ben.page.getByLabel('Your name').fill('Ben');
    await ben.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => ana.page.locator('.seat-name', { hasText: 'Ben' }).count()).toBe(1);
    await ana.page.getByRole('button', { name: 'Add bot to seat 3' }).click();
    await ana.page.getByRole('button', { name: 'Add bot to seat 4' }).click();
    await expect.poll(() => ana.page.getByRole('heading', { name: 'Seats (4/4)' }).isVisible()).toBe(true);
    // Ben joined beside Ana (seat 2), an opponent: the host moves him across (seat 3) to be her partner.
    await expect.poll(() => ana.page.getByTestId('side-of-seat-0').textContent()).toBe('Side 1 · partner: Bot 3');
    await screenshot(ana.page, 'spades-01-lobby-before-swap');
    await ana.page.getByLabel('Swap seat 2 with').selectOption('2');
    await expect.poll(() => ana.page.getByTestId('side-of-seat-0').textContent()).toBe('Side 1 · partner: Ben');
    await expect.poll(() => ben.page.getByTestId('side-of-seat-2').textContent()).toBe('Side 1 · partner: Ana');
    expect(await ben.page.getByLabel('Swap seat 1 with').count()).toBe(0);
    await screenshot(ana.page, 'spades-02-lobby-partners');
    await ana.page.getByRole('button', { name: 'Start game' }).click();

    // Bidding: Ana (left of the dealer) bids first with the row of bids; Ben sees it and bids in turn.
    for (const player of [ana, ben]) await expect.poll(() => player.page.locator('.hand-card').count()).toBe(13);
    await expect.poll(() => ana.page.getByTestId('status').textContent()).toBe('Your bid: how many tricks will you take?');
    await screenshot(ana.page, 'spades-03-bidding');
    await ana.page.getByRole('button', { name: 'Bid 4', exact: true }).click();
    await expect.poll(() => ben.page.getByTestId('side-0').textContent()).toMatch(/Bid 4…/);
    await expect.poll(() => ben.page.getByRole('group', { name: 'Your bid' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await ben.page.getByRole('group', { name: 'Your bid' }).textContent()).toContain('partner bid 4');
    await ben.page.getByRole('button', { name: 'Bid 2', exact: true }).click();
    await expect.poll(() => ana.page.getByTestId('side-0').textContent(), { timeout: 15_000 }).toMatch(/^Ana & BenBid 6 · Took 0/);
    // The log is read from the patches: every bid, the bots' too, in order.
    await expect.poll(() => ana.page.getByTestId('event-log').textContent()).toMatch(/Ana bid 4\..*Bot 2 bid (nil|\d+)\..*Ben bid 2\./);
    await screenshot(ben.page, 'spades-04-playing');

    let trickShot = false;
    await playUntil(
      [ana.page, ben.page],
      async () => (await summaryShown(ana)) && (await summaryShown(ben)),
      120_000,
      async (page) => {
        if (!trickShot && (await page.locator('[data-testid="trick"] .slot').count()) >= 3) {
          trickShot = true;
          await screenshot(page, 'spades-05-trick');
        }
      },
    );
    await screenshot(ana.page, 'spades-06-hand-summary');
    // The summary is by side: two rows, partners together, 13 tricks between them.
    const rows = ana.page.getByRole('table', { name: 'Hand result by side' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').first().textContent()).toMatch(/^Ana & Ben \(you\)/);
    const took = await rows.locator('td:nth-child(3)').allTextContents();
    expect(took.map(Number).reduce((a, b) => a + b, 0)).toBe(13);
    const log = (await ana.page.getByTestId('event-log').textContent()) ?? '';
    expect(log).toMatch(/Hand over: Ana & Ben -?\+?\d+, Bot 2 & Bot 4 -?\+?\d+\./);
    expect(log).not.toMatch(/ran out of time/);
    await screenshotOf(ana.page.getByTestId('event-log'), 'spades-07-log');
  });
});
