import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { chromiumAvailable, screenshot, screenshotOf, useStackSuite } from './harness';
import { addBots } from './lobby';
import { playToHandSummary, screenshotATrick } from './play';

describe.skipIf(!chromiumAvailable)('Hearts in the browser', () => {
  const suite = useStackSuite();

  it('two browsers and two bots play a full hand, including the pass (the second joins from the public list)', async () => {
    const ana = await suite.open('Ana');
    const ben = await suite.open('Ben');
    await ana.page.goto(suite.stack.baseUrl);
    await ana.page.getByLabel('Your name').fill('Ana');
    await ana.page.getByRole('radio', { name: /Hearts/ }).check();
    await ana.page.getByRole('radio', { name: /Public/ }).check();
    await ana.page.getByRole('button', { name: 'Create table' }).click();
    const code = (await ana.page.getByTestId('table-code').textContent()) ?? '';

    // The public table shows up live in the lobby list; one click joins it.
    await ben.page.goto(suite.stack.baseUrl);
    await ben.page.getByLabel('Your name').fill('Ben');
    const join = ben.page.getByRole('button', { name: `Join Hearts ${code}` });
    await expect.poll(() => join.isVisible()).toBe(true);
    await screenshot(ben.page, 'hearts-00-public-list');
    await join.click();
    await expect.poll(() => ana.page.locator('.seat', { hasText: 'Ben' }).count()).toBe(1);
    await addBots(ana, [3, 4]);
    await screenshot(ana.page, 'hearts-01-lobby');
    await expectAccessible(ana.page, 'lobby (desktop)');
    await ana.page.getByRole('button', { name: 'Start game' }).click();

    // A third person with the code finds every seat taken and watches: public cards only, no hand.
    const cy = await suite.open('Cy');
    await cy.page.goto(`${suite.stack.baseUrl}/t/${code}`);
    await cy.page.getByLabel('Your name').fill('Cy');
    await cy.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => cy.page.getByText('You are watching this game.').isVisible()).toBe(true);
    expect(await cy.page.locator('.hand-card').count()).toBe(0);
    expect(await cy.page.getByRole('button', { name: /^Pass / }).count()).toBe(0);
    await expect.poll(() => cy.page.locator('.opponent').count()).toBe(4);
    await screenshot(cy.page, 'hearts-05-spectator');

    // The pass: hand 1 passes left, shown on the table; pick three cards and send them.
    for (const player of [ana, ben]) {
      await expect.poll(() => player.page.getByTestId('pass-direction').textContent()).toBe('Pass to the left');
      await expect.poll(() => player.page.locator('.hand-card').count()).toBe(13);
    }
    const anaCards = ana.page.locator('.hand-card');
    for (let i = 0; i < 3; i++) await anaCards.nth(i).click({ position: { x: 8, y: 24 } });
    await expect.poll(() => ana.page.getByRole('button', { name: /^Pass 3 cards to the left$/ }).isEnabled()).toBe(true);
    expect(await ana.page.getByTestId('status').textContent()).toBe('Choose 3 cards to pass to Ben (left)');
    await screenshot(ana.page, 'hearts-02-passing');
    await expectAccessible(ana.page, 'Hearts table (desktop)');
    await ana.page.getByRole('button', { name: /^Pass 3 cards to the left$/ }).click();
    await expect.poll(() => ana.page.getByTestId('status').textContent()).toMatch(/^Passed\. Waiting for/);

    // Ben passes with the keyboard alone: Tab to a card, Enter to pick it.
    const benCards = ben.page.locator('.hand-card');
    for (let i = 0; i < 3; i++) {
      await benCards.nth(i).focus();
      await ben.page.keyboard.press('Enter');
    }
    await ben.page.getByRole('button', { name: /^Pass 3 cards to the left$/ }).click();

    // Everyone passed: 13 cards again, and the received cards are named.
    for (const player of [ana, ben]) {
      await expect.poll(() => player.page.locator('.hand-card').count()).toBe(13);
    }
    await expect.poll(() => ben.page.getByTestId('received').count()).toBe(1);
    // The log is read from the patches: every browser, the spectator's too, tells the pass.
    for (const player of [ana, ben, cy]) {
      await expect.poll(() => player.page.getByTestId('event-log').textContent()).toMatch(/Ana chose 3 cards to pass\..*Cards were passed left\./);
    }

    // Play the hand out; on one turn check the dimmed cards carry the rules' reason.
    // Both must still see the summary this test reads: nobody continues past it.
    let reasonChecked = false;
    const trickShot = screenshotATrick(2, 'hearts-03-trick');
    await playToHandSummary([ana.page, ben.page], async (page) => {
      await trickShot(page);
      // Read in one go: the next patch may re-render the hand between two reads.
      const reason = await page.evaluate(() => document.querySelector('.reason')?.textContent ?? null);
      if (!reasonChecked && reason !== null) {
        reasonChecked = true;
        expect(reason).toMatch(/must|cannot|broken|turn/i);
      }
    });
    await screenshot(ana.page, 'hearts-04-hand-summary');
    await expectAccessible(ana.page, 'hand summary (desktop)');
    await ana.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(ana.page, 'hearts-04-hand-summary-phone');
    await expectAccessible(ana.page, 'hand summary (phone)');
    await ana.page.setViewportSize({ width: 1280, height: 860 });
    // A full hand hands out all 26 points (or the moon's 26 to the others).
    const totals = await ana.page.locator('.standings tbody tr td:nth-child(2)').allTextContents();
    const sum = totals.map(Number).reduce((a, b) => a + b, 0);
    expect([26, 78]).toContain(sum);
    const log = (await ana.page.getByTestId('event-log').textContent()) ?? '';
    expect(log).toMatch(/took the trick/);
    expect(log).toMatch(/Hand over: Ana -?\d+, Ben -?\d+/);
    // Both humans played every card themselves: no turn ran out while the UI had a move to offer.
    expect(log).not.toMatch(/ran out of time/);
    // The spectator reads the same moves from its own patches.
    await expect.poll(() => cy.page.getByTestId('event-log').textContent()).toMatch(/Hand over: Ana -?\d+, Ben -?\d+/);
    await screenshotOf(ana.page.getByTestId('event-log'), 'hearts-06-log');
  });
});
