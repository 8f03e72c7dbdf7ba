import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot, screenshotOf, useStackSuite, type Player, type StackSuite } from './harness';
import { addBots, openTable } from './lobby';
import { playToHandSummary, screenshotATrick } from './play';
import { countSent } from './sentMessages';

/** The cells of a side's row in the hand summary: side, bid, took, nil, bags, this hand, total. */
async function sideRow(player: Player, side: number): Promise<string[]> {
  return player.page.getByTestId(`hand-side-${side}`).locator('td').allTextContents();
}

/** Ana hosts a Spades table, Ben joins beside her (seat 2, an opponent), and bots take seats 3 and 4. */
async function openWithBots(suite: StackSuite, options: Readonly<Record<string, string>> = {}): Promise<[Player, Player]> {
  const ana = await suite.open('Ana');
  const ben = await suite.open('Ben');
  await openTable(suite.stack.baseUrl, ana, /Spades/, [ben], options);
  await addBots(ana, [3, 4]);
  return [ana, ben];
}

/** The host moves Ben across (seat 3) to be her partner; both lobbies say so. */
async function seatAsPartners(ana: Player, ben: Player): Promise<void> {
  await ana.page.getByLabel('Swap seat 2 with').selectOption('2');
  await expect.poll(() => ana.page.getByTestId('side-of-seat-0').textContent()).toBe('Side 1 · partner: Ben');
  await expect.poll(() => ben.page.getByTestId('side-of-seat-2').textContent()).toBe('Side 1 · partner: Ana');
}

describe.skipIf(!chromiumAvailable)('Spades in the browser', () => {
  // A known deal, so the blind nil test's first hand leaves the bots' side where the test needs it
  // (they bid 4 between them, no nil, so they end it at -40 or better); random deals let it fail now and then.
  const suite = useStackSuite({ TEST_SEED: 'spades-e2e-1' });

  it('two people seated as partners and two bots bid and play a hand to the summary by side', async () => {
    const [ana, ben] = await openWithBots(suite);
    // Ben joined beside Ana (seat 2), an opponent: the host moves him across (seat 3) to be her partner.
    await expect.poll(() => ana.page.getByTestId('side-of-seat-0').textContent()).toBe('Side 1 · partner: Bot 3');
    await screenshot(ana.page, 'spades-01-lobby-before-swap');
    await seatAsPartners(ana, ben);
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

    await playToHandSummary([ana.page, ben.page], screenshotATrick(3, 'spades-05-trick'));
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

  it('[S-06] with blind nil on, a partner whose side trails by 100 bids blind nil with the cards still face down, and the summary scores it ±200', async () => {
    const ana = await suite.open('Ana');
    const ben = await suite.open('Ben');
    // Counted from before the table opens: a face-down hand must not read as a decoding fault.
    const resyncs = { ana: countSent(ana.page, 'resync'), ben: countSent(ben.page, 'resync') };
    const benMoves = countSent(ben.page, 'move');
    await openTable(suite.stack.baseUrl, ana, /Spades/, [ben], { 'Blind nil': 'On' });
    await addBots(ana, [3, 4]);
    await seatAsPartners(ana, ben);
    await ana.page.getByRole('button', { name: 'Start game' }).click();

    // Hand 1: nobody trails, so nobody is offered blind nil; Ana and Ben bid 19 between them, fail, and fall to -190.
    for (const player of [ana, ben]) await expect.poll(() => player.page.locator('.hand-card').count()).toBe(13);
    await expect.poll(() => ana.page.getByTestId('status').textContent()).toBe('Your bid: how many tricks will you take?');
    expect(await ana.page.getByRole('group', { name: 'Blind nil' }).count()).toBe(0);
    await ana.page.getByRole('button', { name: 'Bid 13', exact: true }).click();
    await expect.poll(() => ben.page.getByRole('group', { name: 'Your bid' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await ben.page.getByRole('button', { name: 'Bid 6', exact: true }).click();
    await playToHandSummary([ana.page, ben.page]);
    expect((await sideRow(ana, 0)).at(-1)).toBe('-190');
    const theirs = Number((await sideRow(ana, 1)).at(-1));
    expect(theirs, 'the bots\' side leads by 100 or more (the seeded deal), so Ana and Ben may bid blind nil').toBeGreaterThanOrEqual(-90);
    for (const player of [ana, ben]) await player.page.getByRole('button', { name: 'Continue' }).click();

    // Hand 2 (dealer: seat 1): Bot 2 bids, then Ben. Until their turn to bid, both partners' cards stay face down to them.
    await expect.poll(() => ben.page.getByRole('group', { name: 'Blind nil' }).isVisible(), { timeout: 15_000 }).toBe(true);
    for (const player of [ana, ben]) {
      // Thirteen backs, no face: no card of the hand is on the page, not even in a label.
      expect(await player.page.locator('.hand-card').count(), `${player.name} sees no card of their hand`).toBe(0);
      expect(await player.page.getByRole('img', { name: 'Your 13 cards, face down until you bid' }).locator('.card-back').count()).toBe(13);
      expect(await player.page.locator('.me').innerHTML()).not.toMatch(/ of (spades|hearts|diamonds|clubs)/);
    }
    await expect.poll(() => ben.page.getByTestId('status').textContent()).toBe('Blind nil, or look at your cards first?');
    await expect.poll(() => ana.page.getByTestId('status').textContent()).toBe('Ben is bidding');
    // A face-down hand holds no cards while the board counts 13: that is the rules, not a decoding fault,
    // so neither page asks for its hand afresh (before, each asked every 2 s for as long as it lasted).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect({ ana: resyncs.ana(), ben: resyncs.ben() }, 'resync requests sent').toEqual({ ana: 0, ben: 0 });
    await screenshot(ben.page, 'spades-08-blind-nil-choice');
    // On a phone the face-down hand and both choices are in view without scrolling.
    await ben.page.setViewportSize({ width: 390, height: 844 });
    for (const part of [ben.page.getByTestId('face-down-hand'), ben.page.getByRole('button', { name: 'Blind nil (±200)' }), ben.page.getByRole('button', { name: 'Look at my cards' })]) {
      const box = await part.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390, 'in view on a phone').toBe(true);
    }
    await screenshot(ben.page, 'spades-08-blind-nil-choice-phone');
    await ben.page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(ana.page, 'spades-09-face-down-waiting');
    const movesBefore = benMoves();
    await ben.page.getByRole('button', { name: 'Blind nil (±200)' }).click();
    // The frame reader sees what the page sends: the blind nil bid went out as a move.
    await expect.poll(() => benMoves()).toBe(movesBefore + 1);
    // The bid made, Ben sees his cards; Ana's stay face down until her own turn.
    await expect.poll(() => ben.page.locator('.hand-card').count()).toBe(13);
    expect(await ben.page.getByTestId('face-down-hand').count()).toBe(0);
    await expect.poll(() => ana.page.getByTestId('event-log').textContent()).toMatch(/Ben bid blind nil\./);
    await screenshot(ben.page, 'spades-10-after-blind-nil');
    await expect.poll(() => ana.page.getByRole('group', { name: 'Blind nil' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await ana.page.locator('.hand-card').count()).toBe(0);
    await ana.page.getByRole('button', { name: 'Look at my cards' }).click();
    await expect.poll(() => ana.page.locator('.hand-card').count()).toBe(13);
    await expect.poll(() => ana.page.getByRole('group', { name: 'Your bid' }).textContent()).toContain('partner bid blind nil');
    await screenshot(ana.page, 'spades-11-partner-bid-blind-nil');
    await ana.page.getByRole('button', { name: 'Bid 4', exact: true }).click();
    await expect.poll(() => ben.page.getByTestId('side-0').textContent(), { timeout: 15_000 }).toMatch(/Bid 4 \+ blind nil · Took/);

    await playToHandSummary([ana.page, ben.page]);
    await screenshot(ana.page, 'spades-12-blind-nil-summary');
    // The log of this hand says who took each trick: the blind nil wins 200 if Ben took none, else loses 200.
    const log = (await ana.page.getByTestId('event-log').textContent()) ?? '';
    const benTricks = log.match(/Ben took the trick/g)?.length ?? 0;
    const nil = benTricks === 0 ? 200 : -200;
    const [, bid, took, nilCell, , thisHand, total] = await sideRow(ana, 0);
    expect(bid).toBe('4');
    expect(nilCell).toBe(`Ben blind nil ${nil > 0 ? '+' : ''}${nil}`);
    const contract = Number(took) >= 4 ? 40 + Number(took) - 4 : -40;
    expect(Number(thisHand)).toBe(contract + nil);
    expect(Number(total)).toBe(-190 + contract + nil);
    expect(await ben.page.getByTestId('hand-side-0').textContent()).toContain(`Ben blind nil ${nil > 0 ? '+' : ''}${nil}`);
  }, 300_000);
});
