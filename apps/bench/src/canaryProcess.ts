/** The parent's side of `canary.ts`. */
import type { PauseFigures } from './pauses';
import { nextMessage, startChild, stopChild } from './processes';

export interface Canary {
  /** The canary's pauses since the last call. */
  take(): Promise<PauseFigures>;
  stop(): Promise<void>;
}

export async function startCanary(logName = 'canary'): Promise<Canary> {
  const child = startChild('canary.ts', [], logName);
  await nextMessage(child, (message) => ((message as { type?: string }).type === 'ready' ? true : undefined), 30_000, 'canary start');
  return {
    take() {
      const answer = nextMessage(
        child,
        (message) => ((message as { type?: string; pauses?: PauseFigures }).type === 'pauses' ? (message as { pauses: PauseFigures }).pauses : undefined),
        15_000,
        'canary pauses',
      );
      child.send({ type: 'pauses' });
      return answer;
    },
    stop: () => stopChild(child),
  };
}
