/**
 * A process that does nothing but watch its own event loop: the control for
 * the stall columns. When the server or a load worker stalls for 150 ms and
 * the canary, which has no work at all, stalls as long at the same time, the
 * machine did not schedule them (more runnable processes than cores, another
 * tenant, the hypervisor); when the canary stays at a few ms, the stall is
 * the process's own work. Answers `{ type: 'pauses' }` with its figures
 * since the last question.
 */
import { PauseMonitor } from './pauses';

const pauses = new PauseMonitor();
process.on('message', (raw: { type?: string }) => {
  if (raw.type === 'pauses') process.send?.({ type: 'pauses', pauses: pauses.take() });
  if (raw.type === 'shutdown') process.exit(0);
});
process.send?.({ type: 'ready' });
