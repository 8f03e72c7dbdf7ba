/**
 * What tests outside this package share with the server's own harness
 * (`@deckhand/server/testing`): a server started for a test, and polling for
 * what it should come to. Not part of the server's runtime.
 */
import { startServer } from './server';
import type { RunningServer, StartOptions } from './server';

export interface TestServer extends RunningServer {
  /** The HTTP address of the server, on `host`. */
  readonly url: string;
}

/** A server for a test on `port` (0: any free one), quiet, with `env` over the test defaults. */
export async function startTestServer(port: number, env: Readonly<Record<string, string>> = {}, options: StartOptions = {}, host = 'localhost'): Promise<TestServer> {
  const server = await startServer({ port, env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, ...options });
  return { ...server, url: `http://${host}:${server.port}` };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value other than undefined/null/false, or fails with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
