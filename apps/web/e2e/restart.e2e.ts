/**
 * A browser game survives a server restart without a reload: the real game
 * server in a child process with its own data folder, two people in two
 * browsers at a Hearts table with two bots. The server is killed (SIGKILL,
 * then SIGTERM) mid-hand and started again on the same port; each page says
 * the server is restarting, comes back to its seat with the same hand on its
 * own (no reload, no navigation), and play goes on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, useStackSuite, type Player } from './harness';
import { addBots, openTable, turnTimerOff } from './lobby';
import { playUntil } from './play';

// Only where the suite runs: a skipped suite's afterAll does not, and would leave the folder behind.
const dataDir = chromiumAvailable ? mkdtempSync(join(tmpdir(), 'deckhand-e2e-restart-')) : '';

declare global {
  interface Window {
    /** Set once in the page: a reload or a navigation to another document would lose it. */
    __sameDocument?: string;
  }
}

/** What a player must find again after the restart. */
async function seatView(page: Page) {
  return page.evaluate(() => ({
    url: location.href,
    document: window.__sameDocument ?? null,
    hand: [...document.querySelectorAll('.hand-card')].map((card) => card.getAttribute('data-card')),
    me: document.querySelector('.me .name')?.textContent ?? null,
    opponents: [...document.querySelectorAll('.opponent .name')].map((name) => name.textContent),
    trick: [...document.querySelectorAll('[data-testid="trick"] .slot')].map((slot) => slot.getAttribute('data-seat')),
  }));
}

const plays = async (page: Page) => ((await page.getByTestId('event-log').textContent()) ?? '').match(/ played the /g)?.length ?? 0;
const cardsHeld = (page: Page) => page.locator('.hand-card').count();

describe.skipIf(!chromiumAvailable)('a browser game and a server restart', () => {
  // Registered before the stack's own hooks, so it runs after them: the server is down before its folder goes.
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const suite = useStackSuite({ DATA_DIR: dataDir, TOKEN_SECRET: 'e2e-restart-secret-e2e-restart-secret' });

  /** A moment nothing moves: a person's turn (bots wait for them), both pages showing the same number of plays. */
  async function quietMoment(people: readonly Player[]): Promise<void> {
    await expect.poll(async () => {
      const statuses = await Promise.all(people.map((p) => p.page.getByTestId('status').textContent()));
      return statuses.includes('Your turn');
    }, { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => new Set(await Promise.all(people.map((p) => plays(p.page)))).size).toBe(1);
    // A trick just completed stays in view a moment before it is collected: let it go, so the trick shown is the board's.
    await new Promise((r) => setTimeout(r, 1500));
  }

  async function restart(people: readonly Player[], signal: NodeJS.Signals, shot: string): Promise<void> {
    await quietMoment(people);
    const before = await Promise.all(people.map((p) => seatView(p.page)));
    const exit = await suite.stack.server.stop(signal);
    expect(exit, signal === 'SIGTERM' ? 'a clean exit' : 'killed').toBe(signal === 'SIGTERM' ? 0 : null);
    for (const { page } of people) {
      const banner = page.getByTestId('reconnecting');
      await expect.poll(() => banner.locator('[aria-hidden="true"]').textContent()).toMatch(/^The server is restarting; your seat is kept\. Reconnecting… \(\d+ s\)$/);
      expect(await banner.locator('.visually-hidden').textContent()).toMatch(/^The server is restarting\. /);
    }
    await screenshot(people[0]!.page, shot);
    await suite.stack.server.start();
    for (const [index, { page }] of people.entries()) {
      await expect.poll(() => page.getByTestId('reconnecting').count(), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => seatView(page)).toEqual(before[index]);
    }
  }

  it('kill -9, then SIGTERM, mid-hand: each page says the server is restarting, is back in its seat with its hand without a reload, and play goes on', async () => {
    const ann = await suite.open('Ann');
    const bob = await suite.open('Bob');
    const people = [ann, bob];
    await openTable(suite.stack.baseUrl, ann, /Hearts/, [bob]);
    await addBots(ann, [3, 4]);
    // Each restart comes on a person's turn and takes many seconds on a loaded machine: no timer plays it meanwhile.
    await turnTimerOff(ann);
    await ann.page.getByRole('button', { name: 'Start game' }).click();
    for (const { page, name } of people) {
      await expect.poll(() => cardsHeld(page)).toBe(13);
      await page.evaluate((marker) => (window.__sameDocument = marker), name);
    }

    // The pass and a few cards.
    await playUntil(people.map((p) => p.page), async () => (await plays(ann.page)) >= 6, 60_000);
    await restart(people, 'SIGKILL', 'restart-01-killed');
    await screenshot(ann.page, 'restart-02-back-after-kill');
    const held = await Promise.all(people.map((p) => cardsHeld(p.page)));
    await playUntil(people.map((p) => p.page), async () => (await cardsHeld(ann.page)) < held[0]! && (await cardsHeld(bob.page)) < held[1]!, 60_000);

    await restart(people, 'SIGTERM', 'restart-03-sigterm');
    const after = await Promise.all(people.map((p) => cardsHeld(p.page)));
    await playUntil(people.map((p) => p.page), async () => (await cardsHeld(ann.page)) < after[0]! && (await cardsHeld(bob.page)) < after[1]!, 60_000);
    await screenshot(bob.page, 'restart-04-play-goes-on');
    // The log tells the game from its start, restarts or not.
    expect(await ann.page.getByTestId('event-log').textContent()).toMatch(/Cards were passed left\./);
  }, 240_000);
});
