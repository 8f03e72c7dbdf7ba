/** Several load workers driven as one: tables spread evenly, reports merged. */
import { loadGeneratorCpus } from '../processes';
import type { CpuSet } from '../processes';
import { startLoadWorker } from './loadProtocol';
import type { LoadConfig, LoadReport, LoadWorker } from './loadProtocol';

export interface FleetReport extends LoadReport {
  readonly at: number;
}

export class LoadFleet {
  private tables = 0;

  private constructor(
    private readonly workers: readonly LoadWorker[],
    /** The CPUs the workers are confined to (`loadGeneratorCpus`); null: any. */
    readonly cpus: CpuSet | null,
  ) {}

  /**
   * `baseUrls`: the server's address, or each process's when it runs as several (`serverGroup.ts`):
   * worker i sends its HTTP (guest passes, matchmaking) to `baseUrls[i % n]`.
   */
  static async start(count: number, baseUrls: readonly string[], config: Omit<LoadConfig, 'workerIndex' | 'baseUrl'>): Promise<LoadFleet> {
    if (baseUrls.length === 0) throw new Error('a load fleet needs a server address');
    const cpus = loadGeneratorCpus();
    const started = await Promise.allSettled(
      Array.from({ length: count }, (_, workerIndex) =>
        startLoadWorker({ ...config, baseUrl: baseUrls[workerIndex % baseUrls.length]!, workerIndex }, cpus),
      ),
    );
    const workers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await Promise.allSettled(workers.map((worker) => worker.stop()));
      throw failure.reason;
    }
    return new LoadFleet(workers, cpus);
  }

  /** Opens tables until `total` are open, the new ones spread over the workers. */
  async growTo(total: number): Promise<{ failed: number; errorSamples: string[] }> {
    const more = Math.max(0, total - this.tables);
    const shares = this.workers.map((_, index) => Math.floor(more / this.workers.length) + (index < more % this.workers.length ? 1 : 0));
    const results = await Promise.all(this.workers.map((worker, index) => (shares[index]! > 0 ? worker.open(shares[index]!) : null)));
    this.tables = total;
    const opened = results.filter((result) => result !== null);
    return {
      failed: opened.reduce((sum, result) => sum + result.failed, 0),
      errorSamples: opened.flatMap((result) => result.errorSamples).slice(0, 5),
    };
  }

  /** Merged figures of every worker since the previous report. */
  async report(): Promise<FleetReport> {
    const reports = await Promise.all(this.workers.map((worker) => worker.report()));
    return {
      at: performance.now(),
      tables: reports.reduce((sum, report) => sum + report.tables, 0),
      clients: reports.reduce((sum, report) => sum + report.clients, 0),
      moves: reports.reduce((sum, report) => sum + report.moves, 0),
      latenciesMs: reports.flatMap((report) => report.latenciesMs),
      sendLatenessMs: reports.flatMap((report) => report.sendLatenessMs),
      errors: reports.reduce((sum, report) => sum + report.errors, 0),
      errorSamples: reports.flatMap((report) => report.errorSamples).slice(0, 5),
      cpuMs: reports.reduce((sum, report) => sum + report.cpuMs, 0),
      rssBytes: reports.reduce((sum, report) => sum + report.rssBytes, 0),
      // The worst worker: a stall in any of them delays that worker's tables.
      pauses: {
        loopDelayMaxMs: Math.max(...reports.map((report) => report.pauses.loopDelayMaxMs)),
        loopDelayP99Ms: Math.max(...reports.map((report) => report.pauses.loopDelayP99Ms)),
        gcMaxMs: Math.max(...reports.map((report) => report.pauses.gcMaxMs)),
        gcTotalMs: Math.max(...reports.map((report) => report.pauses.gcTotalMs)),
      },
    };
  }

  /** Every client leaves and every worker exits. */
  async stop(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.stop()));
  }
}
