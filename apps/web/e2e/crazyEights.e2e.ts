import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { chromiumAvailable, screenshot, screenshotOf, useStackSuite } from './harness';
import { centre, contains, handCardsSeen, pileFlights, recordPileFlights } from './pileFlights';
import { isGameOver, playUntil, step } from './play';

describe.skipIf(!chromiumAvailable)('Crazy Eights in the browser', () => {
  const suite = useStackSuite();

  it('a host creates a table, a friend joins by the invite link, a bot fills the third seat, and they play to game over', async () => {
    const ana = await suite.open('Ana');
    await ana.page.goto(suite.stack.baseUrl);
    await ana.page.getByLabel('Your name').fill('Ana');
    await expect.poll(() => ana.page.getByRole('heading', { name: 'Public tables' }).isVisible()).toBe(true);
    await screenshot(ana.page, 'c8-01-home');
    await expectAccessible(ana.page, 'home (desktop)');

    await ana.page.getByRole('radio', { name: /Crazy Eights/ }).check();
    await ana.page.getByLabel('Players', { exact: true }).selectOption('3');
    await ana.page.getByLabel('Target score').selectOption({ label: '100' });
    await ana.page.getByRole('button', { name: 'Create table' }).click();
    const code = (await ana.page.getByTestId('table-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}$/);
    const link = await ana.page.getByTestId('invite-link').inputValue();
    expect(link).toBe(`${suite.stack.baseUrl}/t/${code}`);
    await expect.poll(() => ana.page.getByRole('img', { name: /QR code for the invite link/ }).isVisible()).toBe(true);
    await screenshot(ana.page, 'c8-02-lobby-host');

    const ben = await suite.open('Ben');
    await ben.page.goto(link);
    await ben.page.getByLabel('Your name').fill('Ben');
    await ben.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => ben.page.getByTestId('table-code').textContent()).toBe(code);
    await expect.poll(() => ana.page.locator('.seat', { hasText: 'Ben' }).count()).toBe(1);
    await screenshot(ben.page, 'c8-03-lobby-guest');

    await ana.page.getByRole('button', { name: 'Add bot to seat 3' }).click();
    await expect.poll(() => ana.page.getByRole('heading', { name: 'Seats (3/3)' }).isVisible()).toBe(true);
    await screenshot(ana.page, 'c8-04-lobby-full');
    await ana.page.getByRole('button', { name: 'Start game' }).click();

    for (const player of [ana, ben]) {
      await expect.poll(() => player.page.getByTestId('discard').isVisible()).toBe(true);
      // Each player's own cards arrive through the server's per-seat view.
      await expect.poll(() => player.page.locator('.hand-card').count(), { timeout: 5000 }).toBeGreaterThan(0);
    }
    await screenshot(ana.page, 'c8-05-table-host');
    await expectAccessible(ana.page, 'Crazy Eights table (desktop)');
    await screenshot(ben.page, 'c8-06-table-guest');

    let summaryShot = false;
    await playUntil(
      [ana.page, ben.page],
      async () => (await isGameOver(ana.page)) && (await isGameOver(ben.page)),
      150_000,
      async (page) => {
        if (!summaryShot && (await page.locator('[aria-labelledby="hand-summary-title"]').count()) > 0) {
          summaryShot = true;
          await screenshot(page, 'c8-07-hand-summary');
        }
      },
    );
    await screenshot(ana.page, 'c8-08-game-over');
    await expectAccessible(ana.page, 'game over (desktop)');
    await ana.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(ana.page, 'c8-08-game-over-phone');
    await expectAccessible(ana.page, 'game over (phone)');
    await ana.page.setViewportSize({ width: 1280, height: 860 });
    const standings = ana.page.getByRole('table', { name: 'Final standings' });
    await expect.poll(() => standings.locator('tbody tr').count()).toBe(3);
    await ana.page.getByText('Check the deal').click();
    expect(await ana.page.getByTestId('seed').textContent()).not.toBe('(not revealed)');
    const log = (await ana.page.getByTestId('event-log').textContent()) ?? '';
    expect(log).toMatch(/played the/);
    expect(log).toMatch(/Hand over: .*Game over: .* won\.$/);
    expect(log).not.toMatch(/ran out of time/);
    await screenshotOf(ana.page.getByTestId('event-log'), 'c8-10-log');

    // Chat and a quick emote reach the other browser.
    await ben.page.getByLabel('Message', { exact: true }).fill('good game');
    await ben.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => ana.page.getByRole('region', { name: 'Chat' }).textContent()).toContain('Ben: good game');

    // Rematch: same seats, a new deal, the results close for everyone.
    await ana.page.getByRole('button', { name: 'Rematch' }).click();
    for (const player of [ana, ben]) {
      await expect.poll(() => isGameOver(player.page)).toBe(false);
      await expect.poll(() => player.page.locator('.hand-card').count()).toBeGreaterThan(0);
    }
    await screenshot(ben.page, 'c8-09-rematch');
  });

  it('a played card flies to the pile from its player\'s seat (the bot\'s label, or the player\'s own hand), and stays put with reduced motion', async () => {
    const mia = await suite.open('Mia', undefined, false, 'no-preference');
    const { page } = mia;
    await recordPileFlights(page);
    await page.goto(suite.stack.baseUrl);
    await page.getByLabel('Your name').fill('Mia');
    await page.getByRole('radio', { name: /Crazy Eights/ }).check();
    await page.getByLabel('Players', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Create table' }).click();
    await page.getByRole('button', { name: 'Add bot to seat 2' }).click();
    await page.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => page.locator('.hand-card').count()).toBeGreaterThan(0);

    const handCards = () => page.locator('.hand-card').evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-card'))));
    /** The cards Mia played, told from her hand (a card that left it), not from what the table animates. */
    const mine = new Set<number>();
    const playFor = async (done: () => Promise<boolean>) => {
      const until = Date.now() + 60_000;
      while (!(await done())) {
        expect(Date.now(), 'played enough cards in time').toBeLessThan(until);
        const before = await handCards();
        if ((await step(page)) === 'acted') {
          const after = await handCards();
          for (const card of before) if (!after.includes(card)) mine.add(card);
        } else {
          await page.waitForTimeout(50);
        }
      }
    };
    // Whose each flown card was: Mia's if her hand ever showed it. `mine` (cards seen to leave her hand after one of
    // her moves) can miss a card whose server answer came after the step's read; the page's own record does not.
    // (A card of hers could reach the bot only through a reshuffled stock, far beyond the dozen cards played here.)
    const flightsBy = async () => {
      const [flights, hers] = [await pileFlights(page), await handCardsSeen(page)];
      return { all: flights, mine: flights.filter((f) => hers.has(f.card)), bot: flights.filter((f) => !hers.has(f.card)) };
    };
    // Until two cards each have flown, or Mia has played eight without seeing two of the bot's fly.
    await playFor(async () => {
      const { mine: ours, bot } = await flightsBy();
      return (ours.length >= 2 && bot.length >= 2) || mine.size >= 8;
    });

    const { mine: ours, bot } = await flightsBy();
    // Every card Mia played flew, and from her hand; every other card from the bot's label (seat 2, index 1).
    const flownOfHers = new Set(ours.map((flight) => flight.card));
    for (const card of mine) expect(flownOfHers.has(card), `card ${card}, played by Mia, flew`).toBe(true);
    expect(bot.length).toBeGreaterThanOrEqual(2);
    for (const flight of ours) expect(contains(flight.hand!, centre(flight.start)), `card ${flight.card} starts in Mia's hand`).toBe(true);
    for (const flight of bot) expect(contains(flight.seats['1']!, centre(flight.start)), `card ${flight.card} starts at the bot's seat`).toBe(true);

    // A look at one mid-flight: the bot's card on its way down from the top of the table.
    await page.evaluate(() => (window.__freezeNextFlight = true));
    await playFor(async () => page.evaluate(() => window.__frozenFlight !== undefined));
    await screenshot(page, 'c8-12-card-in-flight');
    await page.evaluate(() => window.__frozenFlight?.play());

    // Reduced motion: cards are played, none moves.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const flown = (await pileFlights(page)).length;
    const played = mine.size;
    await playFor(async () => mine.size >= played + 2);
    await page.waitForTimeout(500);
    expect((await pileFlights(page)).length).toBe(flown);
  });

  it('says so clearly when the table is opened in another tab, and when the host kicks you', async () => {
    const host = await suite.open('Hal');
    const dan = await suite.open('Dan');
    await host.page.goto(suite.stack.baseUrl);
    await host.page.getByLabel('Your name').fill('Hal');
    await host.page.getByRole('radio', { name: /Crazy Eights/ }).check();
    await host.page.getByRole('button', { name: 'Create table' }).click();
    const link = await host.page.getByTestId('invite-link').inputValue();

    await dan.page.goto(link);
    await dan.page.getByLabel('Your name').fill('Dan');
    await dan.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => host.page.locator('.seat', { hasText: 'Dan' }).count()).toBe(1);

    // Same person (same device storage), a second tab: the first one is told why it lost the table.
    const secondTab = await dan.context.newPage();
    await secondTab.goto(link);
    await expect.poll(() => secondTab.getByTestId('table-code').isVisible()).toBe(true);
    await expect.poll(() => dan.page.getByTestId('closed-message').textContent()).toBe('This table was opened in another tab or window.');
    await screenshot(dan.page, 'c8-10-other-tab');

    await host.page.getByRole('button', { name: 'Kick Dan' }).click();
    await expect.poll(() => secondTab.getByTestId('closed-message').textContent()).toBe('The host removed you from this table.');
    await expect.poll(() => host.page.locator('.seat', { hasText: 'Dan' }).count()).toBe(0);
    await screenshot(secondTab, 'c8-11-kicked');
  });
});
