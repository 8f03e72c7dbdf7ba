/**
 * Who may come in: the people the host kicked or refused (by identity and by
 * device, for the life of the table), the people the host let in, and the
 * newcomers knocking at a locked table. Plain bookkeeping with no Colyseus
 * in it; the room mirrors `knocking()` into the state so the host sees it.
 *
 * A guest identity is free, so a kick by identity alone does not stick: the
 * web keeps a random device id in localStorage and sends it when joining.
 * That id is only as strong as the browser's storage (a private window has a
 * new one); the locked table is what keeps a determined person out.
 */

export type KnockAnswer = 'admitted' | 'refused' | 'timeout';

export interface Knocker {
  readonly playerId: string;
  readonly name: string;
}

interface PendingKnock extends Knocker {
  readonly device: string | null;
  readonly answer: (answer: KnockAnswer) => void;
}

export class TableDoor {
  private readonly keptOutPlayers = new Set<string>();
  private readonly keptOutDevices = new Set<string>();
  private readonly admitted = new Set<string>();
  private readonly pending = new Map<string, PendingKnock>();

  /** Called whenever the list of knockers changes. */
  constructor(private readonly onKnockersChanged: () => void) {}

  isKeptOut(playerId: string, device: string | null): boolean {
    return this.keptOutPlayers.has(playerId) || (device !== null && this.keptOutDevices.has(device));
  }

  /** For the life of the table: a kick, or a refused knock. */
  keepOut(playerId: string, device: string | null): void {
    this.keptOutPlayers.add(playerId);
    if (device !== null) this.keptOutDevices.add(device);
    this.admitted.delete(playerId);
  }

  isAdmitted(playerId: string): boolean {
    return this.admitted.has(playerId);
  }

  knocking(): Knocker[] {
    return [...this.pending.values()].map(({ playerId, name }) => ({ playerId, name }));
  }

  isKnocking(playerId: string): boolean {
    return this.pending.has(playerId);
  }

  /**
   * Waits for the host's answer, at most `waitMs`. A second knock of the same
   * identity (another tab, a retry) replaces the first, which ends as a timeout.
   */
  knock(knocker: Knocker, device: string | null, waitMs: number): Promise<KnockAnswer> {
    this.pending.get(knocker.playerId)?.answer('timeout');
    return new Promise<KnockAnswer>((resolve) => {
      const timer = setTimeout(() => finish('timeout'), waitMs);
      const entry: PendingKnock = {
        ...knocker,
        device,
        answer: (answer) => finish(answer),
      };
      const finish = (answer: KnockAnswer) => {
        clearTimeout(timer);
        if (this.pending.get(knocker.playerId) === entry) {
          this.pending.delete(knocker.playerId);
          this.onKnockersChanged();
        }
        resolve(answer);
      };
      this.pending.set(knocker.playerId, entry);
      this.onKnockersChanged();
    });
  }

  /** The knocker gave up (closed the page): off the list, no answer needed. */
  withdraw(playerId: string): void {
    this.pending.get(playerId)?.answer('timeout');
  }

  /** False when nobody with that id is knocking. */
  admit(playerId: string): boolean {
    const entry = this.pending.get(playerId);
    if (!entry) return false;
    this.admitted.add(playerId);
    entry.answer('admitted');
    return true;
  }

  refuse(playerId: string): boolean {
    const entry = this.pending.get(playerId);
    if (!entry) return false;
    this.keepOut(playerId, entry.device);
    entry.answer('refused');
    return true;
  }

  /** When the table closes: every knocker gets an answer now. */
  close(): void {
    for (const entry of [...this.pending.values()]) entry.answer('timeout');
  }
}
