import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatLimitHooks } from './logLines';

function capture(perWindow: number, windowMs: number) {
  const lines: { msg: string; suppressed?: number; line?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) if (text) lines.push(JSON.parse(text) as (typeof lines)[number]);
      done();
    },
  });
  const logger = pino({ level: 'info', hooks: repeatLimitHooks({ perWindow, windowMs }) }, sink);
  return { logger, lines };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('repeatLimitHooks', () => {
  it('writes the first lines of a kind, then one line saying how many were suppressed', () => {
    vi.useFakeTimers();
    const { logger, lines } = capture(3, 1000);
    const child = logger.child({ table: 'BCDFG' });
    for (let index = 0; index < 50; index++) child.warn({ player: `p${index}` }, 'flooding: disconnected');
    logger.error(new Error('seat reservation expired.'));
    logger.info('a different line');
    expect(lines.filter((line) => line.msg === 'flooding: disconnected')).toHaveLength(3);
    expect(lines.map((line) => line.msg)).toContain('a different line');
    vi.advanceTimersByTime(1000);
    expect(lines.at(-1)).toMatchObject({ msg: 'suppressed 47 similar log lines', suppressed: 47, line: 'flooding: disconnected' });
    // A new window writes again.
    child.warn('flooding: disconnected');
    expect(lines.at(-1)?.msg).toBe('flooding: disconnected');
  });

  it('treats stack traces by their first line', () => {
    const { logger, lines } = capture(2, 60_000);
    for (let index = 0; index < 10; index++) logger.error(`Error: seat reservation expired.\n    at frame${index} (file.js:${index})`);
    expect(lines).toHaveLength(2);
  });
});
