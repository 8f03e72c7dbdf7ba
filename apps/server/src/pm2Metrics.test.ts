/**
 * Colyseus loads PM2's agent when its matchmaker starts; a server not run by
 * PM2 must not start it (see `pm2Metrics.ts`). Checked in a child process of
 * its own (`test/pm2AgentChild.ts`), since the agent, once started, stays
 * for the life of a process: the child starts a real server and reports the
 * process-wide handlers the agent would have added.
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Report {
  skipped: boolean;
  agentRunning: boolean;
  rejectionHandlers: number;
  exceptionHandlers: number;
}

async function startServerIn(env: Record<string, string>): Promise<Report> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@deckhand/source', '--import', 'tsx', join('src', 'test', 'pm2AgentChild.ts')],
    { cwd: serverRoot, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 30_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Report;
}

describe("PM2's agent", () => {
  it('does not start in a server PM2 does not run: no handlers of its own on the process', async () => {
    expect(await startServerIn({})).toEqual({ skipped: true, agentRunning: false, rejectionHandlers: 0, exceptionHandlers: 0 });
  }, 40_000);

  it('starts as before under PM2, which sets pm_id', async () => {
    const report = await startServerIn({ pm_id: '0' });
    expect(report).toMatchObject({ skipped: false, agentRunning: true });
    expect(report.rejectionHandlers).toBeGreaterThan(0);
  }, 40_000);
});
