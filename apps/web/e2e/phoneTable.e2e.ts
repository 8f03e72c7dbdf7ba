import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { measureTable, reasonProblems, tableProblems } from './geometry';
import { chromiumAvailable, screenshot, useStackSuite, type Player } from './harness';

/** The phone sizes a player holds: two portrait phones and one turned sideways. */
const PHONES = [
  { name: '360x640', width: 360, height: 640 },
  { name: '390x844', width: 390, height: 844 },
  { name: '844x390', width: 844, height: 390 },
] as const;

describe.skipIf(!chromiumAvailable)('the table on a phone', () => {
  // Seeded deals. With this seed Gil's first Gin Rummy hand holds two melds, so on the smallest phone it takes two
  // rows: the case that once pushed the draw buttons over the status line and the piles over the opponent. And Max's
  // first Crazy Eights hand holds an eight, whose suit chooser once pushed the piles over the status line sideways.
  const suite = useStackSuite({ TEST_SEED: 'p29' });

  async function startWithBots(player: Player, game: RegExp, seats: number): Promise<void> {
    const { page } = player;
    await page.goto(suite.stack.baseUrl);
    await page.getByLabel('Your name').fill(player.name);
    await page.getByRole('radio', { name: game }).check();
    const players = page.getByLabel('Players', { exact: true });
    if ((await players.count()) > 0) await players.selectOption(String(seats));
    await page.getByRole('button', { name: 'Create table' }).tap();
    for (let seat = 2; seat <= seats; seat++) await page.getByRole('button', { name: `Add bot to seat ${seat}` }).tap();
    await page.getByRole('button', { name: 'Start game' }).tap();
  }

  /** At every phone size: the geometry holds, and a screenshot is saved to look at. */
  async function checkEverySize(player: Player, label: string): Promise<void> {
    for (const phone of PHONES) {
      await player.page.setViewportSize(phone);
      // Let the layout settle (a resize re-flows the hand).
      await player.page.waitForTimeout(100);
      const geometry = await measureTable(player.page);
      await screenshot(player.page, `phone-table-${label}-${phone.name}`);
      expect(tableProblems(geometry), `${label} at ${phone.name}`).toEqual([]);
      expect(await reasonProblems(player.page), `${label} at ${phone.name}: why a card cannot be played`).toEqual([]);
      expect(geometry.cards.length).toBeGreaterThan(0);
      // The player is the host: the lock toggle is on screen too (it once took a bar of its own and pushed the trick over the status).
      expect(geometry.door, `${label} at ${phone.name}: the host's lock toggle`).not.toBeNull();
    }
  }


  it('Hearts: 13 cards, the trick, the turn and three opponents fit every phone size without scrolling', async () => {
    const pia = await suite.open('Pia', PHONES[1], true);
    const { page } = pia;
    await startWithBots(pia, /Hearts/, 4);
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Choose 3 cards/);
    expect(await page.locator('.hand-card').count()).toBe(13);
    await checkEverySize(pia, 'hearts-pass');
    await expectAccessible(page, 'Hearts table (phone, passing)');

    await page.setViewportSize(PHONES[0]);
    const cards = page.locator('.hand-card');
    for (let i = 0; i < 3; i++) await cards.nth(i).tap();
    await page.getByRole('button', { name: /^Pass 3 cards/ }).tap();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 20_000 }).toBe('Your turn');
    await checkEverySize(pia, 'hearts-turn');
    await expectAccessible(page, 'Hearts table (phone, playing)');

    // Log and chat open as a drawer over the table, and close again.
    for (const phone of PHONES) {
      await page.setViewportSize(phone);
      await page.getByRole('button', { name: /^Log and chat/ }).tap();
      await expect.poll(() => page.getByTestId('event-log').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('event-log').textContent()).toMatch(/Cards were passed left/);
      await screenshot(page, `phone-table-drawer-${phone.name}`);
      await page.getByRole('button', { name: 'Close log and chat' }).tap();
      await expect.poll(() => page.getByTestId('event-log').isVisible()).toBe(false);
    }
  });


  it('Crazy Eights: the piles, the hand and five opponents fit every phone size without scrolling', async () => {
    const max = await suite.open('Max', PHONES[0], true);
    await startWithBots(max, /Crazy Eights/, 6);
    await expect.poll(() => max.page.getByTestId('status').textContent(), { timeout: 20_000 }).toBe('Your turn');
    await checkEverySize(max, 'eights-turn');
    await expectAccessible(max.page, 'Crazy Eights table (phone)');

    // Then an eight, which asks for a suit: the question in words, four suits and Cancel, and nothing else to press.
    const { page } = max;
    await page.setViewportSize(PHONES[0]);
    await page.locator('.hand-card[aria-label^="Eight of"]').first().tap();
    await page.getByRole('button', { name: /^Play Eight of/ }).tap();
    await expect.poll(() => page.getByRole('group', { name: /^Name a suit for the eight of/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Draw', exact: true }).count()).toBe(0);
    await checkEverySize(max, 'eights-suit');
    await expectAccessible(page, 'Crazy Eights table (phone, naming a suit)');

    // The same six-seat table on a laptop: the three opponents across the top sit side by side (they were stacked
    // in the middle third of the felt, and the hand fell below the fold).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(100);
    await screenshot(page, 'eights-suit-1280x800');
    const laptop = await page.evaluate(() => ({
      scrolls: document.documentElement.scrollHeight > window.innerHeight,
      tops: [...document.querySelectorAll('.felt .opponents > .pos-top .opponent')].map((el) => Math.round(el.getBoundingClientRect().top)),
    }));
    expect(laptop.tops).toHaveLength(3);
    expect(new Set(laptop.tops).size, `tops ${laptop.tops.join(', ')}`).toBe(1);
    expect(laptop.scrolls).toBe(false);
  });

  it('Spades: the bidding row, then the trick and the side boards fit every phone size without scrolling', async () => {
    const sam = await suite.open('Sam', PHONES[0], true);
    const { page } = sam;
    await startWithBots(sam, /Spades/, 4);
    await expect.poll(() => page.locator('.hand-card').count()).toBe(13);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 20_000 }).toBe('Your bid: how many tricks will you take?');
    await checkEverySize(sam, 'spades-bid');
    await expectAccessible(page, 'Spades table (phone, bidding)');

    await page.getByRole('button', { name: 'Bid 3', exact: true }).tap();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 20_000 }).toBe('Your turn');
    await checkEverySize(sam, 'spades-turn');
  });

  it('Gin Rummy: the hand in melds, the stock and the discard fit every phone size without scrolling', async () => {
    const gil = await suite.open('Gil', PHONES[0], true);
    const { page } = gil;
    await startWithBots(gil, /Gin Rummy/, 2);
    await expect.poll(() => page.locator('.gin-hand .hand-card').count(), { timeout: 10_000 }).toBe(10);
    await page.setViewportSize(PHONES[0]);
    await expect.poll(async () => (await measureTable(page)).handRows, { message: 'the seeded hand: two melds, two rows' }).toBe(2);
    await checkEverySize(gil, 'gin');
    await expectAccessible(page, 'Gin Rummy table (phone)');

    // Then the discard: eleven cards, one picked, with its buttons (discard, move it to a group, a new group).
    await page.getByRole('button', { name: 'Draw from stock' }).tap();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Your turn: discard, knock or go gin');
    await page.locator('.gin-hand .hand-card').last().tap();
    await expect.poll(() => page.getByRole('button', { name: /^Discard / }).count()).toBe(1);
    // The buttons name the card as a person reads it (they said "Discard 4S"): a rank and a drawn suit, spoken in words.
    const cardWords = '(ace|king|queen|jack|ten|nine|eight|seven|six|five|four|three|two) of (clubs|diamonds|spades|hearts)';
    expect(await page.getByRole('button', { name: new RegExp(`^Discard ${cardWords}$`) }).count()).toBe(1);
    expect(await page.getByRole('button', { name: new RegExp(`^New group with ${cardWords}$`) }).count()).toBe(1);
    expect(await page.getByTestId('gin-actions').textContent()).not.toMatch(/\b(10|[2-9JQKA])[CDSH]\b/);
    await checkEverySize(gil, 'gin-discard');

    // The one opponent takes the whole row: with half of it, a bot program's name and badge left "Fi…" of "First legal".
    for (const phone of PHONES) {
      await page.setViewportSize(phone);
      const widths = await page.evaluate(() => ({
        felt: document.querySelector('.felt')!.getBoundingClientRect().width,
        opponent: document.querySelector('.felt .opponent')!.getBoundingClientRect().width,
      }));
      expect(widths.opponent, phone.name).toBeGreaterThan(widths.felt * 0.9);
    }
  });
});
