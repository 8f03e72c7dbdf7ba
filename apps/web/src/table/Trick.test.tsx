import { act, render, screen } from '@testing-library/react';
import type { SeatSnapshot } from '@deckhand/protocol';
import { parseCard, type WireValue } from '@deckhand/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Trick } from './Trick';
import type { Side } from './layout';

const seats = ['Ana', 'Ben', 'Cy', 'Dee'].map(
  (name, index) => ({ index, name, kind: 'human', playerId: `p${index}`, botLevel: '', connected: true, reconnectDeadline: 0, away: false }) as unknown as SeatSnapshot,
);
const sides: Side[] = ['bottom', 'left', 'top', 'right'];
const cards = ['2C', 'KC', 'AC', '5C'].map((text) => parseCard(text)!);

function board(fields: Record<string, WireValue>): Readonly<Record<string, WireValue>> {
  return { phase: 'playing', trick: [-1, -1, -1, -1], ...fields };
}

describe('Trick', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('each card sits on its player\'s side; a finished trick stays a moment, then flies to the side of its winner', () => {
    const { rerender } = render(<Trick board={board({ tricksPlayed: 0, trick: [cards[0]!, cards[1]!, -1, -1] })} seats={seats} sides={sides} />);
    const trick = screen.getByTestId('trick');
    expect([...trick.querySelectorAll('.slot')].map((slot) => slot.className)).toEqual(['slot slot-bottom enter', 'slot slot-left enter']);
    // Cy (top) takes it with the ace: the board already holds the next, empty trick.
    rerender(<Trick board={board({ tricksPlayed: 1, lastTrick: cards, lastTrickWinner: 2 })} seats={seats} sides={sides} />);
    expect(trick.querySelectorAll('.slot')).toHaveLength(4);
    expect(trick.getAttribute('data-winner-side')).toBeNull();
    act(() => vi.advanceTimersByTime(950));
    expect(trick.className).toContain('collecting');
    expect(trick.getAttribute('data-winner-side')).toBe('top');
    act(() => vi.advanceTimersByTime(400));
    expect(trick.querySelectorAll('.slot')).toHaveLength(0);
  });
});
