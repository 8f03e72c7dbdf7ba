/**
 * The floor server alone in a process, on `PORT` of 127.0.0.1, until SIGTERM
 * or SIGINT: for tools that start the server themselves, such as
 * `npm run instructions -- --server floor`, which runs it under callgrind.
 */
import { startFloorServer } from './floorServer';

const port = Number(process.env['PORT']);
if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a port number, not "${process.env['PORT'] ?? ''}"`);
const server = await startFloorServer(port);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void server.close().finally(() => process.exit(0)));
}
