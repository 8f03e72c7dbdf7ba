/**
 * Writes made in one turn of the event loop go to the database together, in
 * one statement: at hundreds of tables, a commit per move cost the server
 * more CPU than anything else of its own (a profile at 400 tables: 8% of the
 * main thread in SQLite's per-statement work). Each write still resolves only
 * once its row is stored, so nothing goes out before it is durable.
 *
 * When the shared statement fails (one row clashes with a row already there,
 * say), every item of it is written again on its own, so each caller gets its
 * own answer and no item is lost or refused for another's fault. An item may
 * be several rows (one call's actions): it is stored or refused whole.
 */

interface Pending<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private queued: Pending<T>[] = [];
  private readonly writing = new Set<Promise<void>>();

  constructor(
    /** Stores every item in one statement, or throws and stores none. */
    private readonly writeMany: (items: readonly T[]) => Promise<void>,
    /** Stores one item, or throws why not. */
    private readonly writeOne: (item: T) => Promise<void>,
    /** Rows per statement at most (a statement's parameters are limited); an item larger alone gets a statement of its own. */
    private readonly maxRows = 500,
    /** The rows an item stands for. */
    private readonly rowsOf: (item: T) => number = () => 1,
  ) {}

  /** Resolves once `item` is stored; rejects with what `writeOne` threw for it. */
  write(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Resolves once everything written so far is stored or refused. */
  async drain(): Promise<void> {
    while (this.queued.length > 0 || this.writing.size > 0) {
      if (this.queued.length > 0) this.flush();
      await Promise.all([...this.writing]);
    }
  }

  private flush(): void {
    while (this.queued.length > 0) {
      // At least one item, then as many more as fit in the row limit.
      let count = 1;
      let rows = this.rowsOf(this.queued[0]!.item);
      while (count < this.queued.length) {
        rows += this.rowsOf(this.queued[count]!.item);
        if (rows > this.maxRows) break;
        count++;
      }
      const batch = this.queued.splice(0, count);
      const done = this.store(batch).finally(() => this.writing.delete(done));
      this.writing.add(done);
    }
  }

  private async store(batch: readonly Pending<T>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await this.writeMany(batch.map((pending) => pending.item));
        for (const pending of batch) pending.resolve();
        return;
      } catch {
        // Which row failed, and why, is for each row's own write to say.
      }
    }
    for (const pending of batch) {
      try {
        await this.writeOne(pending.item);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
