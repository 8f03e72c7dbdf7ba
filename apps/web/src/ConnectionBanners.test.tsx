import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectBanner } from './ConnectionBanners';
import { useSecondsLeft } from './table/Countdown';

/** What a screen reader reads of an element: its text without the aria-hidden parts. */
function spoken(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}

describe('reconnect countdowns', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('a deadline that appears late counts from its own start, not from when the screen opened', () => {
    // Every value a render showed, not only the last: a wrong number flashes on screen (and into the live region).
    const shown: (number | null)[] = [];
    const { result, rerender } = renderHook(
      ({ deadline }) => {
        const left = useSecondsLeft(deadline);
        shown.push(left);
        return left;
      },
      { initialProps: { deadline: 0 } },
    );
    expect(result.current).toBeNull();
    // The screen has been open 41 s when a seat drops with a 60 s grace period.
    act(() => vi.advanceTimersByTime(41_000));
    rerender({ deadline: Date.now() + 60_000 });
    expect(result.current).toBe(60);
    expect(Math.max(...shown.map((left) => left ?? 0))).toBe(60);
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current).toBe(50);
    // A second drop later starts again from its own deadline.
    act(() => vi.advanceTimersByTime(30_000));
    rerender({ deadline: Date.now() + 60_000 });
    expect(result.current).toBe(60);
  });

  it('the banner shows the seconds left from the drop; its live region speaks once, not every second', () => {
    const since = Date.now();
    render(<ReconnectBanner since={since} deadline={since + 30_000} restarting={false} />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain('Reconnecting… (30 s)');
    const first = spoken(banner);
    expect(first).toBe('Connection lost. Your seat is held for 30 seconds while this page reconnects.');
    act(() => vi.advanceTimersByTime(5_000));
    expect(banner.textContent).toContain('Reconnecting… (25 s)');
    expect(spoken(banner)).toBe(first);
  });

  it('a server restart (4104) says the seat is kept across it', () => {
    const since = Date.now();
    render(<ReconnectBanner since={since} deadline={since + 60_000} restarting />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain('The server is restarting; your seat is kept. Reconnecting… (60 s)');
    expect(spoken(banner)).toBe('The server is restarting. Your seat is held for 60 seconds while this page reconnects.');
  });
});
