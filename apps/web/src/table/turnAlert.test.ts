import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTurnSound, turnSoundOn, useTurnAlert } from './turnAlert';

function hideTab(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useTurnAlert', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: vi.fn(() => true) });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    hideTab(false);
  });

  it('in a hidden tab, the title flashes and the phone vibrates once when the turn comes; the title settles when seen', () => {
    hideTab(true);
    const { rerender } = renderHook(({ myTurn }) => useTurnAlert(myTurn), { initialProps: { myTurn: false } });
    expect(document.title).toBe('Deckhand');
    rerender({ myTurn: true });
    expect(navigator.vibrate).toHaveBeenCalledTimes(1);
    const titles = new Set<string>();
    for (let i = 0; i < 4; i++) {
      act(() => vi.advanceTimersByTime(1000));
      titles.add(document.title);
    }
    expect([...titles].sort()).toEqual(['Deckhand', '• Your turn · Deckhand']);
    act(() => hideTab(false));
    expect(document.title).toBe('• Your turn · Deckhand');
    act(() => vi.advanceTimersByTime(3000));
    expect(document.title).toBe('• Your turn · Deckhand');
    rerender({ myTurn: false });
    expect(document.title).toBe('Deckhand');
    expect(navigator.vibrate).toHaveBeenCalledTimes(1);
  });

  it('a visible tab keeps a steady title and does not vibrate', () => {
    const { rerender } = renderHook(({ myTurn }) => useTurnAlert(myTurn), { initialProps: { myTurn: false } });
    rerender({ myTurn: true });
    act(() => vi.advanceTimersByTime(3000));
    expect(document.title).toBe('• Your turn · Deckhand');
    expect(navigator.vibrate).not.toHaveBeenCalled();
  });

  it('the turn sound is off until chosen, and the choice is remembered', () => {
    expect(turnSoundOn()).toBe(false);
    setTurnSound(true);
    expect(localStorage.getItem('deckhand:turn-sound')).toBe('on');
    expect(turnSoundOn()).toBe(true);
    setTurnSound(false);
    expect(turnSoundOn()).toBe(false);
  });
});
