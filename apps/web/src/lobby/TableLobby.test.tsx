import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionContext } from '../net/SessionContext';
import { TableSession } from '../net/TableSession';
import { FakeRoom, fakeClient, tableJson } from '../test/fakeTable';
import { TableLobby } from './TableLobby';

/** The lobby of a Hearts table seen by its host (seat 0), with seat 4 still empty. */
async function renderLobby(change: (seats: { kind: string; name: string; botLevel: string; program?: boolean }[]) => void = () => {}) {
  const json = tableJson({ gameId: 'hearts', seatCount: 4, seat: 0, publicView: {}, privateView: null, phase: 'lobby' });
  const seats = json.seats as { kind: string; name: string; botLevel: string; program?: boolean }[];
  seats[3] = { ...seats[3]!, kind: 'empty', name: '', botLevel: '' };
  change(seats);
  const room = new FakeRoom(json);
  const session = new TableSession(fakeClient([room]), { token: 't', playerId: 'p0', name: 'Ana' });
  await session.open('BCD42');
  render(
    <SessionContext.Provider value={session}>
      <TableLobby onLeave={() => undefined} />
    </SessionContext.Provider>,
  );
  return room;
}

/** What a screen reader announces after the control's name (its `aria-describedby` text). */
function description(element: HTMLElement): string | null | undefined {
  return document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;
}

describe('TableLobby: bots', () => {
  it('the host can seat an easy, normal or hard bot, and reads what each level does', async () => {
    const room = await renderLobby();
    const picker = screen.getByLabelText('Bot level for seat 4') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.textContent)).toEqual(['Easy bot', 'Normal bot', 'Hard bot']);
    expect(description(picker)).toBe('Plays by rules of thumb.');

    fireEvent.change(picker, { target: { value: 'hard' } });
    expect(description(picker)).toBe('Thinks ahead about the cards it cannot see.');
    fireEvent.click(screen.getByRole('button', { name: 'Add bot to seat 4' }));
    expect(room.sent.filter((sent) => sent.type === 'addBot').map((sent) => sent.message)).toEqual([
      { type: 'addBot', seat: 3, level: 'hard' },
    ]);
  });
});

describe('TableLobby: bot programs', () => {
  it('marks a seat held by a bot program, and tells the host how to invite one with the same link', async () => {
    await renderLobby((seats) => {
      seats[1] = { ...seats[1]!, kind: 'human', name: 'Keep Out', botLevel: '', program: true };
    });
    const seat = screen.getByText('Keep Out').closest('li')!;
    expect(seat.textContent).toContain('bot program');
    expect(screen.getAllByText('bot program')).toHaveLength(1);
    expect(screen.getByTestId('program-invite').textContent).toBe(
      `npm run bot -- --invite ${(screen.getByTestId('invite-link') as HTMLInputElement).value} --bot ./my-bot.js`,
    );
  });
});
