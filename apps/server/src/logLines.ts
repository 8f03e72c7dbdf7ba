/**
 * Repeated log lines are capped so a client cannot fill the disk by
 * provoking the same line over and over: per level and message, the first
 * `perWindow` lines of a window are written, the rest are counted, and when
 * the window ends one line says how many were suppressed. A pino hook, so it
 * covers child loggers and Colyseus' own logging through ours.
 */
import type { LoggerOptions } from 'pino';

export interface RepeatLimit {
  /** Lines of one kind written per window. */
  readonly perWindow: number;
  readonly windowMs: number;
}

export const DEFAULT_REPEAT_LIMIT: RepeatLimit = { perWindow: 20, windowMs: 60_000 };

/** Distinct kinds tracked at once; past it, kinds with nothing suppressed are forgotten. */
const MAX_KINDS = 10_000;

interface Kind {
  start: number;
  written: number;
  suppressed: number;
}

/** What makes two lines "the same": the message's first line (a stack's first line is its error). */
function kindOf(args: readonly unknown[]): string {
  const text = args.find((arg): arg is string => typeof arg === 'string')
    ?? (args[0] instanceof Error ? args[0].message : '')
    ?? '';
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.slice(0, 120);
}

type LogMethod = (this: unknown, ...args: unknown[]) => void;

export function repeatLimitHooks(limit: RepeatLimit = DEFAULT_REPEAT_LIMIT): NonNullable<LoggerOptions['hooks']> {
  const kinds = new Map<string, Kind>();
  return {
    logMethod(this: unknown, args: unknown[], method: LogMethod, level: number) {
      const text = kindOf(args);
      const key = `${level} ${text}`;
      const now = Date.now();
      let kind = kinds.get(key);
      if (!kind || now - kind.start >= limit.windowMs) {
        if (kinds.size >= MAX_KINDS) {
          for (const [other, entry] of kinds) if (entry.suppressed === 0) kinds.delete(other);
        }
        kind = { start: now, written: 0, suppressed: 0 };
        kinds.set(key, kind);
      }
      if (kind.written < limit.perWindow) {
        kind.written++;
        method.apply(this, args);
        return;
      }
      kind.suppressed++;
      if (kind.suppressed > 1) return;
      // The first suppressed line schedules the summary for the end of the window.
      const counted = kind;
      setTimeout(() => {
        method.call(this, { suppressed: counted.suppressed, line: text }, `suppressed ${counted.suppressed} similar log lines`);
        if (kinds.get(key) === counted) kinds.delete(key);
      }, counted.start + limit.windowMs - now).unref();
    },
  };
}
