/**
 * `npm run cluster -- --processes 2 --port 8080`: Redis, Postgres, N server
 * processes and nginx on this machine, logs in one folder, until Ctrl-C,
 * which stops them all cleanly. Needs Debian's redis-server, postgresql and
 * nginx. Serves the web build (`npm run build` first) at the proxy's address.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCluster } from './localCluster';
import { missingServices } from './services';

const usage = 'usage: npm run cluster -- [--processes N (2)] [--port PROXY_PORT (8080)] [--dir FOLDER] [--built]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        processes: { type: 'string', default: '2' },
        port: { type: 'string', default: '8080' },
        dir: { type: 'string' },
        built: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const processes = Number(values.processes);
  const port = Number(values.port);
  if (!Number.isInteger(processes) || processes < 1 || processes > 9 || !Number.isInteger(port) || port < 1024 || port > 65_000) {
    console.error(`--processes must be 1-9 and --port 1024-65000\n${usage}`);
    process.exit(2);
  }
  const missing = missingServices();
  if (missing.length > 0) {
    console.error(`missing: ${missing.join(', ')} (apt-get install redis-server postgresql nginx)`);
    process.exit(1);
  }
  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'deckhand-cluster-'));
  console.log(`starting Redis, Postgres, ${processes} server processes and nginx (files in ${dir})`);
  const cluster = await startLocalCluster({
    processes, basePort: port, dir, built: values.built,
    env: { NODE_ENV: 'production' },
  });
  console.log(`\nDeckhand cluster at ${cluster.url}  (Ctrl-C stops everything)`);
  console.log(`  redis     ${cluster.redis.url}   log ${cluster.redis.log}`);
  console.log(`  postgres  ${cluster.postgres.url}   log ${cluster.postgres.log}`);
  console.log(`  nginx     ${cluster.proxy.url}   log ${cluster.proxy.log}`);
  for (const server of cluster.processes) {
    console.log(`  server ${server.prefix}  http://127.0.0.1:${server.port}  pid ${server.pid ?? '?'}   log ${server.logPath}`);
  }
  console.log(`\nTry a dead process: kill -9 a server's pid; its tables move to another within seconds.`);
  // Run under npm, Ctrl-C may close our stdout before we are done stopping: stop anyway.
  process.stdout.on('error', () => {});
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the servers, nginx, Redis and Postgres...');
    cluster.stop().then(
      () => {
        console.log(`stopped; logs kept in ${cluster.logDir}`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
