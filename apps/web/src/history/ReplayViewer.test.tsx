import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { cardName, findGame } from '@deckhand/rules';
import { describe, expect, it } from 'vitest';
import { finishedGame, SHORT_GAMES } from '../test/finishedGames';
import { rememberDealHash } from './dealHashes';
import { ReplayViewer } from './ReplayViewer';

const stepText = () => screen.getByTestId('replay-step').textContent ?? '';
const handOf = (seat: number) => within(screen.getByTestId(`replay-hand-${seat}`)).queryAllByRole('img').map((card) => card.getAttribute('aria-label'));
const key = (name: string) => fireEvent.keyDown(window, { key: name });

describe('ReplayViewer', () => {
  it('starts at the deal with every hand face up, and steps with the buttons, the arrow keys and the slider', () => {
    const record = finishedGame('hearts', 4, { target: 50 });
    const hearts = findGame('hearts')!;
    const options = hearts.parseOptions(record.options, 4);
    if (!options.ok) throw new Error(options.error.message);
    const dealt = hearts.setup({ seed: record.seed, seats: 4, options: options.value });
    render(<ReplayViewer record={record} />);
    const last = record.moves.length;
    expect(stepText()).toMatch(/^The deal · Hand 1/);
    for (let seat = 0; seat < 4; seat++) {
      const hand = (hearts.view(dealt, seat).private as { hand: number[] }).hand;
      expect(handOf(seat).sort()).toEqual(hand.map(cardName).sort());
    }

    fireEvent.click(screen.getByRole('button', { name: 'Forward one move' }));
    expect(stepText()).toMatch(new RegExp(`^Move 1 of ${last}`));
    // The first move is seat 0's pass: three cards leave Ana's hand.
    expect(handOf(0)).toHaveLength(10);
    expect(screen.getByTestId('replay-said').textContent).toMatch(/Ana/);

    key('ArrowRight');
    key('ArrowRight');
    expect(stepText()).toMatch(new RegExp(`^Move 3 of ${last}`));
    key('ArrowLeft');
    expect(stepText()).toMatch(new RegExp(`^Move 2 of ${last}`));
    key('End');
    expect(stepText()).toMatch(new RegExp(`^Move ${last} of ${last}`));
    expect(screen.getByRole('button', { name: 'Forward one move' })).toHaveProperty('disabled', true);
    key('ArrowRight');
    expect(stepText()).toMatch(new RegExp(`^Move ${last} of ${last}`));
    key('Home');
    expect(stepText()).toMatch(/^The deal/);
    expect(screen.getByRole('button', { name: 'Back one move' })).toHaveProperty('disabled', true);

    const slider = screen.getByRole('slider', { name: 'Move' });
    fireEvent.change(slider, { target: { value: '20' } });
    expect(stepText()).toMatch(new RegExp(`^Move 20 of ${last}`));
    // Arrow keys on the slider move the slider only, not twice.
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(stepText()).toMatch(new RegExp(`^Move 20 of ${last}`));
  });

  it('lists every hand\'s points and totals, jumps to a hand\'s summary, and shows the final scores', () => {
    const record = finishedGame('hearts', 4, { target: 50 });
    render(<ReplayViewer record={record} />);
    const summaries = screen.getByRole('table', { name: 'Hand summaries' });
    const rows = within(summaries).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    // The last row's totals are the final scores.
    const lastRow = rows[rows.length - 1]!;
    record.scores.forEach((score) => expect(lastRow.textContent).toContain(`(${score})`));
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Show the end of hand 1' }));
    expect(screen.getByRole('heading', { name: 'Hand 1 is over' })).toBeTruthy();
    const final = screen.getByRole('table', { name: 'Final scores' });
    expect(within(final).getAllByRole('row')).toHaveLength(5);
    expect(within(final).getByText('winner')).toBeTruthy();
  });

  it.each(SHORT_GAMES)('$gameId replays to the end, its board drawn at every hand\'s end', ({ gameId, seats, options }) => {
    const record = finishedGame(gameId, seats, options);
    render(<ReplayViewer record={record} />);
    for (const button of screen.getAllByRole('button', { name: /^Show the end of hand/ })) {
      fireEvent.click(button);
      expect(screen.getByRole('heading', { name: /^Hand \d+ is over$/ })).toBeTruthy();
    }
    key('End');
    expect(stepText()).toMatch(new RegExp(`^Move ${record.moves.length} of ${record.moves.length}`));
    expect(screen.getByTestId('replay-board')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('"Check this deal" passes for the real game and fails, saying what differs, for a changed seed', async () => {
    const record = finishedGame('spades', 4, { target: 300 });
    const { unmount } = render(<ReplayViewer record={record} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Check this deal' })));
    const passed = await screen.findByTestId('deal-check');
    expect(passed.getAttribute('data-result')).toBe('pass');
    expect(passed.textContent).toContain(record.seedHash);
    expect(passed.textContent).toContain(`Moves replayed with the rules: ${record.moves.length} of ${record.moves.length}`);
    // This browser never sat at that table.
    expect(screen.getByTestId('seen-at-deal').textContent).toMatch(/^not here/);
    unmount();
    // A browser that was at the table when the hash was published says so.
    rememberDealHash(record.seedHash);
    const again = render(<ReplayViewer record={record} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Check this deal' })));
    await screen.findByTestId('deal-check');
    expect(screen.getByTestId('seen-at-deal').textContent).toMatch(/^yes/);
    again.unmount();
    localStorage.clear();

    render(<ReplayViewer record={{ ...record, seed: 'not-the-seed' }} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Check this deal' })));
    const failed = await screen.findByTestId('deal-check');
    expect(failed.getAttribute('data-result')).toBe('fail');
    expect(failed.textContent).toMatch(/Fail/);
    expect(failed.textContent).toContain('✗ differ');
  });
});
