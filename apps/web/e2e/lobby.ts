/** Opening a table through the screens, the way the tests' people do it. */
import { expect } from 'vitest';
import type { Player } from './harness';

/**
 * The host names themself on the home page, picks the game and the options
 * (select label -> choice label), creates the table, and then the guests join
 * by its invite link. Answers the link.
 */
export async function openTable(
  baseUrl: string,
  host: Player,
  game: RegExp,
  guests: readonly Player[] = [],
  options: Readonly<Record<string, string>> = {},
): Promise<string> {
  await host.page.goto(baseUrl);
  await host.page.getByLabel('Your name').fill(host.name);
  await host.page.getByRole('radio', { name: game }).check();
  for (const [label, choice] of Object.entries(options)) await host.page.getByLabel(label).selectOption({ label: choice });
  await host.page.getByRole('button', { name: 'Create table' }).click();
  const link = await host.page.getByTestId('invite-link').inputValue();
  for (const guest of guests) {
    await guest.page.goto(link);
    await guest.page.getByLabel('Your name').fill(guest.name);
    await guest.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => host.page.locator('.seat-name', { hasText: guest.name }).count()).toBe(1);
  }
  return link;
}
