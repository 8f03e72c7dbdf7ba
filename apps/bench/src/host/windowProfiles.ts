/**
 * CPU profiles of the server between two `stats` requests, so a measuring
 * window (which starts and ends with one) gets a profile of its own, free of
 * the table openings before it: `DECKHAND_BENCH_WINDOW_PROFILES=<dir>`. Each
 * request writes the profile since the previous one as
 * `<kind>-<pid>-<n>.cpuprofile` and starts the next. Off by default: the
 * profiler slows the server it watches.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

export class WindowProfiles {
  private session: Session | null = null;
  private count = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
  ) {}

  /** From the environment; null when the variable is not set. */
  static fromEnv(name: string): WindowProfiles | null {
    const dir = process.env['DECKHAND_BENCH_WINDOW_PROFILES'];
    return dir ? new WindowProfiles(path.resolve(dir), name) : null;
  }

  /** Writes the profile running since the last call (none the first time) and starts the next. */
  async next(): Promise<void> {
    if (!this.session) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
      await this.session.post('Profiler.start');
      return;
    }
    const { profile } = await this.session.post('Profiler.stop');
    // The next one runs before this one is written: a write that fails loses one profile, not the rest.
    await this.session.post('Profiler.start');
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(path.join(this.dir, `${this.name}-${process.pid}-${++this.count}.cpuprofile`), JSON.stringify(profile));
  }
}
