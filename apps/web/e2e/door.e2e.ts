import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, useStackSuite } from './harness';
import { addBots, openTable } from './lobby';

describe.skipIf(!chromiumAvailable)('keeping people out (issue 11, point 5)', () => {
  const suite = useStackSuite();

  it('a locked table: the newcomer knocks and waits, the host lets them in or refuses; a kicked device stays out with a new name', async () => {
    const ana = await suite.open('Ana');
    await openTable(suite.stack.baseUrl, ana, /Hearts/);
    const code = (await ana.page.getByTestId('table-code').textContent()) ?? '';
    await ana.page.getByTestId('lock-toggle').click();
    await expect.poll(() => ana.page.getByText('Locked: newcomers knock and you let them in').isVisible()).toBe(true);
    await screenshot(ana.page, 'door-01-locked-lobby');

    // Ben knocks and waits; Ana sees the knock and lets him in.
    const ben = await suite.open('Ben');
    await ben.page.goto(`${suite.stack.baseUrl}/t/${code}`);
    await ben.page.getByLabel('Your name').fill('Ben');
    await ben.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => ben.page.getByTestId('knocking').isVisible()).toBe(true);
    await screenshot(ben.page, 'door-02-knocking');
    const prompt = ana.page.getByTestId('knock-prompt');
    await expect.poll(() => prompt.getByText('Ben is knocking.').isVisible()).toBe(true);
    await screenshot(ana.page, 'door-03-knock-prompt');
    await prompt.getByRole('button', { name: 'Let in' }).click();
    await expect.poll(() => ben.page.getByTestId('table-code').isVisible()).toBe(true);
    await expect.poll(() => ana.page.locator('.seat', { hasText: 'Ben' }).count()).toBe(1);
    expect(await ben.page.getByTestId('lock-toggle').count()).toBe(0);

    // Kicked, Ben comes back under a new name (a new guest identity) from the same browser: still out.
    await ana.page.getByRole('button', { name: /^Kick/ }).click();
    await expect.poll(() => ben.page.getByTestId('closed-message').textContent()).toBe('The host removed you from this table.');
    await ben.page.evaluate(() => {
      localStorage.removeItem('deckhand:guest');
      localStorage.setItem('deckhand:name', 'Benny');
    });
    await ben.page.goto(`${suite.stack.baseUrl}/t/${code}`);
    await ben.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => ben.page.getByTestId('join-error').textContent()).toBe('The host keeps you out of this table.');
    await screenshot(ben.page, 'door-04-kicked-device');

    // Cy knocks and is refused, clearly.
    const cy = await suite.open('Cy');
    await cy.page.goto(`${suite.stack.baseUrl}/t/${code}`);
    await cy.page.getByLabel('Your name').fill('Cy');
    await cy.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => prompt.getByText('Cy is knocking.').isVisible()).toBe(true);
    await prompt.getByRole('button', { name: 'Refuse' }).click();
    await expect.poll(() => cy.page.getByTestId('join-error').textContent()).toBe('The host did not let you in.');
    await screenshot(cy.page, 'door-05-refused');
    expect(await ana.page.getByTestId('knock-prompt').count()).toBe(0);

    // During the game the host keeps the lock at hand.
    await addBots(ana, [2, 3, 4]);
    await ana.page.getByRole('button', { name: 'Start game' }).click();
    const toggle = ana.page.locator('.door-bar').getByTestId('lock-toggle');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    await screenshot(ana.page, 'door-06-lock-in-game');
    await toggle.click();
    await expect.poll(() => ana.page.getByText('Lock the table (newcomers must knock)').isVisible()).toBe(true);
  });
});
