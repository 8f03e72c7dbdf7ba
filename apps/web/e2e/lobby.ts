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
  for (const [label, choice] of Object.entries(options)) await host.page.getByLabel(label, { exact: true }).selectOption({ label: choice });
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

/** The host puts a bot in each of `seats` (numbered from 1, as the lobby shows them), and the lobby counts every seat taken. */
export async function addBots(host: Player, seats: readonly number[]): Promise<void> {
  for (const seat of seats) await host.page.getByRole('button', { name: `Add bot to seat ${seat}` }).click();
  await expect.poll(() => host.page.getByRole('heading', { name: /^Seats \((\d+)\/\1\)$/ }).isVisible()).toBe(true);
}

/**
 * The host turns the turn timer off, for a test that holds a person's turn
 * while something else happens (a server restart): with the timer on, the
 * server would play that turn meanwhile and change the hand the test compares.
 */
export async function turnTimerOff(host: Player): Promise<void> {
  await host.page.getByLabel('Turn timer').selectOption({ label: 'Off' });
  await expect.poll(() => host.page.getByLabel('Turn timer').inputValue()).toBe('0');
}
