/**
 * Who may come in: the people the host kicked or refused (by identity and by
 * device, for the life of the table), the people the host let in, and the
 * newcomers knocking at a locked table. Part of the table core: `Table`
 * changes the lasting part (bans, admissions) only through logged actions,
 * so a restored table keeps them; knocks are connections and are not logged.
 *
 * A guest identity is free, so a kick by identity alone does not stick: the
 * web keeps a random device id in localStorage and sends it when joining.
 * That id is only as strong as the browser's storage (a private window has a
 * new one); the locked table is what keeps a determined person out.
 */
import type { TableClock, Timer } from './types';

export type KnockAnswer = 'admitted' | 'refused' | 'timeout';

export interface Knocker {
  readonly playerId: string;
  readonly name: string;
}

interface PendingKnock extends Knocker {
  readonly device: string | null;
  readonly timer: Timer;
  readonly resolve: (answer: KnockAnswer) => void;
}

export class TableDoor {
  private readonly keptOutPlayers = new Set<string>();
  private readonly keptOutDevices = new Set<string>();
  private readonly admitted = new Set<string>();
  private readonly pending = new Map<string, PendingKnock>();

  constructor(private readonly clock: TableClock) {}

  isKeptOut(playerId: string, device: string | null): boolean {
    return this.keptOutPlayers.has(playerId) || (device !== null && this.keptOutDevices.has(device));
  }

  /** For the life of the table: a kick, or a refused knock. */
  keepOut(playerId: string, device: string | null): void {
    this.keptOutPlayers.add(playerId);
    if (device !== null) this.keptOutDevices.add(device);
    this.admitted.delete(playerId);
  }

  admit(playerId: string): void {
    this.admitted.add(playerId);
  }

  isAdmitted(playerId: string): boolean {
    return this.admitted.has(playerId);
  }

  /** The knockers in the order they came, as the host sees them. */
  knocking(): Knocker[] {
    return [...this.pending.values()].map(({ playerId, name }) => ({ playerId, name }));
  }

  /** The device a knocker came with, or undefined when `playerId` is not knocking. */
  knockingDevice(playerId: string): string | null | undefined {
    return this.pending.get(playerId)?.device;
  }

  /**
   * Waits for the host's answer, at most `waitMs`. A second knock of the same
   * identity (another tab, a retry) replaces the first, which ends as a timeout.
   */
  knock(knocker: Knocker, device: string | null, waitMs: number): Promise<KnockAnswer> {
    this.answer(knocker.playerId, 'timeout');
    return new Promise<KnockAnswer>((resolve) => {
      const timer = this.clock.later(waitMs, () => this.answer(knocker.playerId, 'timeout'));
      this.pending.set(knocker.playerId, { playerId: knocker.playerId, name: knocker.name, device, timer, resolve });
    });
  }

  /** Ends a knock with `answer`; false when `playerId` is not knocking. */
  answer(playerId: string, answer: KnockAnswer): boolean {
    const entry = this.pending.get(playerId);
    if (!entry) return false;
    this.pending.delete(playerId);
    entry.timer.clear();
    entry.resolve(answer);
    return true;
  }

  /** When the table closes: every knocker gets an answer now. */
  close(): void {
    for (const playerId of [...this.pending.keys()]) this.answer(playerId, 'timeout');
  }
}
