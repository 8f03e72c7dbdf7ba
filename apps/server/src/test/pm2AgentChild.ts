/**
 * Run by `pm2Metrics.test.ts` in a process of its own: starts a real server,
 * then prints whether PM2's agent started, as one line of JSON.
 */
import { pm2AgentSkipped } from '../pm2Metrics';
import { startTestServer } from '../testing';

const server = await startTestServer(0, {}, {}, '127.0.0.1');
// Colyseus imports the agent without waiting for it: give the import time to finish.
await new Promise((resolve) => setTimeout(resolve, 500));
const agent = ((await import('@pm2/io')) as { default: { getConfig?: unknown } }).default;
console.log(JSON.stringify({
  skipped: pm2AgentSkipped(),
  agentRunning: typeof agent.getConfig === 'function',
  rejectionHandlers: process.listeners('unhandledRejection').length,
  exceptionHandlers: process.listeners('uncaughtException').length,
}));
await server.shutdown();
process.exit(0);
