import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { chromiumAvailable, screenshot, useStackSuite, type Player } from './harness';

const PHONE = { width: 360, height: 740 };

describe.skipIf(!chromiumAvailable)('phone and reload', () => {
  const suite = useStackSuite();

  async function tableWithBot(player: Player, seats: string, baseUrl = suite.stack.baseUrl): Promise<void> {
    const { page } = player;
    await page.goto(baseUrl);
    await page.getByLabel('Your name').fill(player.name);
    await page.getByRole('radio', { name: /Crazy Eights/ }).check();
    await page.getByLabel('Players', { exact: true }).selectOption(seats);
    await page.getByRole('button', { name: 'Create table' }).click();
    for (let seat = 2; seat <= Number(seats); seat++) await page.getByRole('button', { name: `Add bot to seat ${seat}` }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Seats (${seats}/${seats})` }).isVisible()).toBe(true);
  }

  async function waitForMyTurn(player: Player): Promise<void> {
    await expect.poll(() => player.page.getByTestId('status').textContent(), { timeout: 20_000 }).toBe('Your turn');
  }

  it('a phone-sized viewport plays a card by tap', async () => {
    const phone = await suite.open('Pia', PHONE, true);
    const { page } = phone;
    // Notes whether the lobby ever showed its QR box empty (the code drawn a moment later).
    await page.addInitScript(() => {
      const seen = { blankQr: false };
      (window as unknown as { qrSeen: typeof seen }).qrSeen = seen;
      new MutationObserver(() => {
        for (const box of document.querySelectorAll('.qr')) if (!box.querySelector('svg path')) seen.blankQr = true;
      }).observe(document, { childList: true, subtree: true });
    });
    // Opened as `localhost`, like a host on their own machine.
    const local = suite.stack.baseUrl.replace('127.0.0.1', 'localhost');
    await page.goto(local);
    await screenshot(page, 'phone-01-home');
    await expectAccessible(page, 'home (phone)');
    await tableWithBot(phone, '2', local);
    await screenshot(page, 'phone-02-lobby');
    await expectAccessible(page, 'lobby (phone)');
    expect(await page.locator('.qr svg path').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { qrSeen: { blankQr: boolean } }).qrSeen.blankQr)).toBe(false);
    // The invite does not name localhost (a friend's own machine) but the address the server gives (LAN_ADDRESS in the harness).
    await expect.poll(() => page.getByTestId('invite-link').inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Z0-9]{5}$/);
    await page.getByRole('button', { name: 'Start game' }).tap();
    await waitForMyTurn(phone);
    // Draw until a card is playable (draw-until-playable is the default rule).
    while ((await page.locator('.hand-card[data-legal="true"]').count()) === 0) {
      await page.getByRole('button', { name: 'Draw', exact: true }).tap();
      await page.waitForTimeout(150);
    }
    await screenshot(page, 'phone-03-table');
    const card = page.locator('.hand-card[data-legal="true"]').first();
    const code = Number(await card.getAttribute('data-card'));
    const name = await card.getAttribute('aria-label');
    const before = await page.locator('.hand-card').count();
    await card.tap();
    await expect.poll(() => card.getAttribute('class')).toContain('selected');
    await screenshot(page, 'phone-04-selected');
    await page.getByRole('button', { name: `Play ${name}` }).tap();
    if (code % 13 === 6) {
      // An eight: name a suit.
      await page.locator('.suit-chooser button').first().tap();
    }
    await expect.poll(() => page.locator(`.hand-card[data-card="${code}"]`).count()).toBe(0);
    expect(await page.locator('.hand-card').count()).toBe(before - 1);
    await expect.poll(() => page.getByTestId('event-log').textContent()).toContain(`Pia played the ${name!.charAt(0).toLowerCase()}${name!.slice(1)}`);
    await screenshot(page, 'phone-05-played');
    // Nothing may stick out sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('a reload in the middle of a hand continues with the same cards', async () => {
    const ana = await suite.open('Ana');
    const { page } = ana;
    await tableWithBot(ana, '3');
    await page.getByRole('button', { name: 'Start game' }).click();
    await waitForMyTurn(ana);
    const handBefore = await page.locator('.hand-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card')));
    const codeBefore = await page.getByTestId('discard').textContent();
    expect(handBefore.length).toBeGreaterThan(0);
    const logLines = () => page.getByTestId('event-log').locator('li').allTextContents();
    const logBefore = await logLines();
    expect(logBefore.join('\n')).toMatch(/played the/);

    await page.reload();
    await expect.poll(() => page.locator('.hand-card').count(), { timeout: 15_000 }).toBe(handBefore.length);
    const handAfter = await page.locator('.hand-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card')));
    expect(handAfter).toEqual(handBefore);
    expect(await page.getByTestId('discard').textContent()).toBe(codeBefore);
    await waitForMyTurn(ana);
    // The log this tab kept across the reload (the server sends only what it missed), not "Nothing yet.".
    await expect.poll(async () => (await logLines()).slice(0, logBefore.length)).toEqual(logBefore);
    await screenshot(page, 'reload-01-after-reload');

    // The seat is still ours: a move is accepted after the reload.
    const legal = page.locator('.hand-card[data-legal="true"]');
    if ((await legal.count()) > 0) {
      await legal.first().click();
      await legal.first().click();
      if ((await page.locator('.suit-chooser').count()) > 0) await page.locator('.suit-chooser button').first().click();
    } else {
      await page.getByRole('button', { name: 'Draw', exact: true }).click();
    }
    await expect.poll(async () => (await page.locator('.hand-card').count()) !== handBefore.length).toBe(true);
  });

  it('a bad or unknown table link says so first, before asking a first-time visitor for a name', async () => {
    const late = await suite.open('Lou', PHONE, true);
    const { page } = late;
    for (const [index, path] of ['/t/ZZZZZ', '/t/%3Cb%3E', '/t/ABCDE/extra'].entries()) {
      await page.goto(`${suite.stack.baseUrl}${path}`);
      await expect.poll(() => page.getByTestId('join-error').textContent()).toBe(
        'There is no open table at this link: the code may be mistyped, or the table has closed.',
      );
      expect(await page.getByLabel('Your name').count()).toBe(0);
      await screenshot(page, `phone-06-bad-link-${index + 1}`);
      await page.getByRole('button', { name: 'Try again' }).tap();
      await expect.poll(() => page.getByTestId('join-error').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Home' }).tap();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      await expect.poll(() => page.getByRole('button', { name: 'Create table' }).isVisible()).toBe(true);
    }
  });

  it('a dropped connection shows the reconnecting banner and gets the same seat and cards back', async () => {
    const cy = await suite.open('Cy');
    const { page } = cy;
    // Keep a handle on every socket the page opens, so the test can cut one like a network drop.
    await page.addInitScript(() => {
      const Native = window.WebSocket;
      const opened: WebSocket[] = [];
      (window as unknown as { openedSockets: WebSocket[] }).openedSockets = opened;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          opened.push(this);
        }
      };
    });
    const socketCount = () => page.evaluate(() => (window as unknown as { openedSockets: WebSocket[] }).openedSockets.length);
    await tableWithBot(cy, '2');
    await page.getByRole('button', { name: 'Start game' }).click();
    await waitForMyTurn(cy);
    const handBefore = await page.locator('.hand-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card')));

    const before = await socketCount();
    // 3000: an application close the server does not take as a deliberate leave, so it holds the seat.
    await page.evaluate(() => {
      const opened = (window as unknown as { openedSockets: WebSocket[] }).openedSockets;
      opened[opened.length - 1]!.close(3000, 'network drop (test)');
    });
    await expect.poll(() => page.getByTestId('reconnecting').isVisible()).toBe(true);
    // The banner counts down what is left of the server's grace period (RECONNECT_SECONDS=30 here).
    const banner = await page.getByTestId('reconnecting').locator('[aria-hidden="true"]').textContent();
    expect(banner).toMatch(/^Reconnecting… \(\d+ s\)$/);
    const left = Number(/\((\d+) s\)/.exec(banner ?? '')?.[1]);
    expect(left).toBeGreaterThan(15);
    expect(left).toBeLessThanOrEqual(30);
    // The live region says once that the seat is held, not a number every second.
    expect(await page.getByTestId('reconnecting').locator('.visually-hidden').textContent()).toBe(
      'Connection lost. Your seat is held for 30 seconds while this page reconnects.',
    );
    await screenshot(page, 'reconnect-01-banner');

    await expect.poll(() => page.getByTestId('reconnecting').count(), { timeout: 20_000 }).toBe(0);
    expect(await socketCount()).toBeGreaterThan(before);
    const handAfter = await page.locator('.hand-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card')));
    expect(handAfter).toEqual(handBefore);
    await waitForMyTurn(cy);
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await expect.poll(() => page.locator('.hand-card').count()).toBe(handBefore.length + 1);
  });
});
