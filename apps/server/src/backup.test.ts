import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './store/sqliteStore';

const serverRoot = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-backup-data-'));
const outDir = mkdtempSync(join(tmpdir(), 'deckhand-backup-out-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

/** `npm run backup -w @deckhand/server -- <target>`, as the README gives it; its exit status and output. */
async function backup(target: string): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--conditions=@deckhand/source', '--import', 'tsx', 'src/backup.ts', target], {
      cwd: serverRoot,
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run backup', () => {
  it('copies the table database into a folder it makes, and says in one line when it cannot', async () => {
    const store = await openSqliteStore(dataDir);
    await store.openTable({ tableId: 't1', code: 'BCDFG', createdAt: 1 });
    await store.append('t1', [{ seq: 0, at: 2, action: { type: 'sit', seat: 0 } }]);
    await store.close();

    const target = join(outDir, 'nightly', 'deckhand.sqlite');
    const done = await backup(target);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(`to ${target}`);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('select code from tables').all()).toEqual([{ code: 'BCDFG' }]);
    expect(copy.prepare('select count(*) as n from table_log').get()).toEqual({ n: 1 });
    copy.close();

    // A file where the folder should be: no folder can be made there.
    const blocker = join(outDir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const refused = await backup(join(blocker, 'deckhand.sqlite'));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain(`could not back up to ${join(blocker, 'deckhand.sqlite')}`);
    expect(existsSync(join(blocker, 'deckhand.sqlite'))).toBe(false);
  });
});
