/**
 * `npm run backup -w @deckhand/server -- <file>`: copies the table database
 * while the server runs, through SQLite's online backup (a consistent copy
 * even while moves are being written; copying the file with `cp` is not).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from './config';
import { DATABASE_FILE } from './store/sqliteStore';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run backup -w @deckhand/server -- <backup file>');
    process.exit(2);
  }
  let dataDir: string;
  try {
    dataDir = loadConfig().dataDir;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(1);
  }
  const file = join(dataDir, DATABASE_FILE);
  if (dataDir === '' || !existsSync(file)) {
    console.error(`no table database at ${file || '(DATA_DIR is empty: tables are kept in memory)'}`);
    process.exit(1);
  }
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // A backup folder named for the first time is made, as `cp` into a new path would need by hand.
    mkdirSync(dirname(target), { recursive: true });
    const { totalPages } = await database.backup(target);
    console.log(`backed up ${file} to ${target} (${totalPages} pages)`);
  } catch (error) {
    console.error(`could not back up to ${target}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    database.close();
  }
}

void main();
