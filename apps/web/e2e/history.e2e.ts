import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { finishedGame, SHORT_GAMES } from '../src/test/finishedGames';
import { chromiumAvailable, screenshot, useStackSuite } from './harness';
import { addBots, openTable } from './lobby';
import { isGameOver, playUntil } from './play';

const PHONE = { width: 390, height: 844 };
const stepText = (page: Page) => page.getByTestId('replay-step').textContent();

describe.skipIf(!chromiumAvailable)('Recent games and replays in the browser', () => {
  const suite = useStackSuite();

  it('a finished game is listed on the home page, replays step by step, checks out, and its shared link opens elsewhere', async () => {
    // The shortest real game: Crazy Eights, one person against a bot, to the lowest target (100 for two).
    const ana = await suite.open('Ana');
    await openTable(suite.stack.baseUrl, ana, /Crazy Eights/, [], { Players: '2 players' });
    await addBots(ana, [2]);
    await ana.page.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => ana.page.locator('.hand-card').count()).toBeGreaterThan(0);
    await playUntil([ana.page], () => isGameOver(ana.page), 150_000);
    const standings = ana.page.getByRole('table', { name: 'Final standings' });
    const finalScores = await standings.locator('tbody tr td.num:last-child').allTextContents();
    await ana.page.getByText('Check the deal').click();
    const publishedHash = (await ana.page.locator('.seed').last().textContent()) ?? '';
    expect(publishedHash).toMatch(/^[0-9a-f]{64}$/);

    // Once the server has stored the game, the game-over screen links to its replay (a new tab: the table stays).
    const replayLinks = ana.page.getByTestId('game-over-replay');
    await expect.poll(() => replayLinks.isVisible()).toBe(true);
    await screenshot(ana.page, 'history-00-game-over-replay-link');
    await ana.page.setViewportSize(PHONE);
    await screenshot(ana.page, 'history-00-game-over-replay-link-phone');
    await ana.page.setViewportSize({ width: 1280, height: 860 });
    const [replayTab] = await Promise.all([
      ana.context.waitForEvent('page'),
      replayLinks.getByRole('link', { name: /^Watch the replay/ }).click(),
    ]);
    await expect.poll(() => stepText(replayTab)).toMatch(/^The deal · Hand 1/);
    const savedLink = replayTab.url();
    expect(savedLink).toMatch(new RegExp(`^${suite.stack.baseUrl}/g/[0-9a-f-]{36}$`));
    await screenshot(replayTab, 'history-00-replay-from-game-over');
    await replayTab.close();
    expect(await ana.page.getByRole('dialog', { name: /^Game over/ }).isVisible()).toBe(true);
    // Copy share link puts the same address on the clipboard.
    await ana.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.stack.baseUrl });
    await replayLinks.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => replayLinks.getByRole('button', { name: 'Link copied' }).isVisible()).toBe(true);
    expect(await ana.page.evaluate(() => navigator.clipboard.readText())).toBe(savedLink);

    // Home: the game is in Recent games, with Ana's result.
    await ana.page.getByRole('button', { name: 'Leave table' }).click();
    const recent = ana.page.getByTestId('recent-games');
    await expect.poll(() => recent.locator('li').count()).toBe(1);
    const line = (await recent.locator('li').textContent()) ?? '';
    expect(line).toMatch(/Crazy Eights/);
    expect(line).toMatch(/with Bot 2/);
    expect(line).toMatch(/(Won|2nd of 2|Tied for the win) · \d+ points/);
    await recent.scrollIntoViewIfNeeded();
    await screenshot(ana.page, 'history-01-home-recent');
    await ana.page.setViewportSize(PHONE);
    await screenshot(ana.page, 'history-01-home-recent-phone');
    await ana.page.setViewportSize({ width: 1280, height: 860 });

    // The replay: the deal with every hand face up, then step, keys and the slider.
    await recent.getByRole('link', { name: /^Replay Crazy Eights/ }).click();
    await expect.poll(() => stepText(ana.page)).toMatch(/^The deal · Hand 1/);
    const link = ana.page.url();
    expect(link).toBe(savedLink);
    expect(await ana.page.getByTestId('replay-hand-0').getByRole('img').count()).toBeGreaterThan(4);
    expect(await ana.page.getByTestId('replay-hand-1').getByRole('img').count()).toBeGreaterThan(4);
    const total = Number(await ana.page.getByRole('slider', { name: 'Move' }).getAttribute('max'));
    expect(total).toBeGreaterThan(10);
    await screenshot(ana.page, 'history-02-replay-deal');
    await ana.page.getByRole('button', { name: 'Forward one move' }).click();
    await expect.poll(() => stepText(ana.page)).toMatch(new RegExp(`^Move 1 of ${total}`));
    await ana.page.keyboard.press('ArrowRight');
    await expect.poll(() => stepText(ana.page)).toMatch(new RegExp(`^Move 2 of ${total}`));
    await ana.page.getByRole('slider', { name: 'Move' }).fill(String(Math.floor(total / 2)));
    await expect.poll(() => stepText(ana.page)).toMatch(new RegExp(`^Move ${Math.floor(total / 2)} of ${total}`));
    await screenshot(ana.page, 'history-03-replay-middle');
    await ana.page.keyboard.press('End');
    await expect.poll(() => stepText(ana.page)).toMatch(new RegExp(`^Move ${total} of ${total}`));
    const final = ana.page.getByRole('table', { name: 'Final scores' });
    expect((await final.locator('tbody td.num:last-child').allTextContents()).sort()).toEqual([...finalScores].sort());
    expect(await ana.page.getByRole('table', { name: 'Hand summaries' }).locator('tbody tr').count()).toBeGreaterThan(0);

    // Check this deal: the published hash and the stored scores, both recomputed in the browser.
    await ana.page.getByRole('button', { name: 'Check this deal' }).click();
    const check = ana.page.getByTestId('deal-check');
    await expect.poll(() => check.getAttribute('data-result')).toBe('pass');
    expect(await check.textContent()).toContain(publishedHash);
    expect(await check.textContent()).toContain(`Moves replayed with the rules: ${total} of ${total}`);
    // Ana's browser was at the table when the hash was published.
    expect(await ana.page.getByTestId('seen-at-deal').textContent()).toMatch(/^yes/);
    await screenshot(ana.page, 'history-04-replay-checked');
    await expectAccessible(ana.page, 'replay (desktop)');

    // Copy link puts the page's address on the clipboard.
    await ana.page.evaluate(() => navigator.clipboard.writeText(''));
    await ana.page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => ana.page.getByRole('button', { name: 'Link copied' }).isVisible()).toBe(true);
    expect(await ana.page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // Someone else, on a phone, opens the shared link: no name, no token needed.
    const ben = await suite.open('Ben', PHONE, true);
    await ben.page.goto(link);
    await expect.poll(() => stepText(ben.page)).toMatch(/^The deal/);
    await screenshot(ben.page, 'history-05-shared-phone-deal');
    await ben.page.getByRole('slider', { name: 'Move' }).fill(String(Math.floor(total / 3)));
    await expect.poll(() => stepText(ben.page)).toMatch(new RegExp(`^Move ${Math.floor(total / 3)} of`));
    await screenshot(ben.page, 'history-06-shared-phone-middle');
    await ben.page.getByRole('button', { name: 'Check this deal' }).click();
    await expect.poll(() => ben.page.getByTestId('deal-check').getAttribute('data-result')).toBe('pass');
    expect(await ben.page.getByTestId('seen-at-deal').textContent()).toMatch(/^not here/);
    await screenshot(ben.page, 'history-07-shared-phone-checked');
    await expectAccessible(ben.page, 'replay (phone)');
    // Ben played nothing: his home page lists no games.
    await ben.page.goto(suite.stack.baseUrl);
    await expect.poll(() => ben.page.getByTestId('recent-games').textContent()).toMatch(/Games you finish on this device show up here/);

    // Ana plays on under another name: her games stay hers.
    await ana.page.goto(suite.stack.baseUrl);
    await ana.page.getByLabel('Your name').fill('Anabel');
    await ana.page.getByRole('button', { name: 'Create table' }).click();
    await expect.poll(() => ana.page.getByText('Anabel').first().isVisible()).toBe(true);
    await ana.page.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect.poll(() => ana.page.getByTestId('recent-games').locator('li').count()).toBe(1);
    expect(await ana.page.getByTestId('recent-games').getByRole('link', { name: /^Replay Crazy Eights/ }).getAttribute('href')).toBe(new URL(savedLink).pathname);
    await screenshot(ana.page, 'history-09-home-after-rename');
  });

  it('a bad or unknown game link says so, as a bad table link does', async () => {
    const cara = await suite.open('Cara');
    for (const path of ['/g/not-a-game', `/g/${randomUUID()}`]) {
      await cara.page.goto(`${suite.stack.baseUrl}${path}`);
      await expect.poll(() => cara.page.getByRole('heading', { name: 'This game cannot be opened' }).isVisible()).toBe(true);
      expect(await cara.page.getByTestId('join-error').textContent()).toMatch(/^There is no finished game at this link/);
    }
    await screenshot(cara.page, 'history-08-unknown-link');
    await cara.page.getByRole('button', { name: 'Home' }).click();
    await expect.poll(() => cara.page.getByRole('heading', { name: 'Recent games' }).isVisible()).toBe(true);
  });

  it.each(SHORT_GAMES)('every game replays: $gameId, a whole bot game replays to its end and its deal checks out', async ({ gameId, seats, options }) => {
    // A real game the rules' bots played, served as the server would serve it (the server's own route is tested above).
    const record = finishedGame(gameId, seats, options, `${gameId}-e2e`);
    const viewer = await suite.open(`viewer-${gameId}`);
    await viewer.page.route(`**/api/games/${record.id}`, (route) => route.fulfill({ json: record }));
    await viewer.page.goto(`${suite.stack.baseUrl}/g/${record.id}`);
    await expect.poll(() => stepText(viewer.page)).toMatch(/^The deal/);
    for (let seat = 0; seat < seats; seat++) {
      expect(await viewer.page.getByTestId(`replay-hand-${seat}`).getByRole('img').count()).toBeGreaterThan(0);
    }
    await screenshot(viewer.page, `history-game-${gameId}-deal`);
    const middle = Math.floor(record.moves.length / 2);
    await viewer.page.getByRole('slider', { name: 'Move' }).fill(String(middle));
    await expect.poll(() => stepText(viewer.page)).toMatch(new RegExp(`^Move ${middle} of ${record.moves.length}`));
    await screenshot(viewer.page, `history-game-${gameId}-middle`);
    await viewer.page.getByRole('button', { name: 'Show the end of hand 1' }).click();
    await expect.poll(() => viewer.page.getByRole('heading', { name: 'Hand 1 is over' }).isVisible()).toBe(true);
    await screenshot(viewer.page, `history-game-${gameId}-hand-1`);
    await viewer.page.getByRole('button', { name: 'Check this deal' }).click();
    await expect.poll(() => viewer.page.getByTestId('deal-check').getAttribute('data-result')).toBe('pass');
    await viewer.page.setViewportSize(PHONE);
    await screenshot(viewer.page, `history-game-${gameId}-phone`);
  });
});
