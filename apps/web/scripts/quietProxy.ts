/**
 * Vite's proxy prints a stack trace for every socket error, and a closed
 * browser tab resets its game socket (`ws proxy error: read ECONNRESET`).
 * That is a normal end, not a problem: these errors close the socket quietly;
 * every other error still reaches Vite's own handler and its log.
 *
 * The game server restarting (`tsx watch` restarts it on every saved change)
 * is normal too: while it is down, each page's reconnect attempt was refused
 * with a stack trace. A refused HTTP request now gets a 502 (the page reads it
 * as "server restarting" and retries) and one short line at most every few
 * seconds.
 */
import type { EventEmitter } from 'node:events';

const NORMAL_CLOSES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
}

function isNormalClose(error: unknown): boolean {
  return NORMAL_CLOSES.has(codeOf(error));
}

/** How often the "not reachable" line may repeat while the game server is down. */
const REFUSED_LINE_EVERY_MS = 5_000;
let lastRefusedLine = 0;

interface Answerable {
  headersSent?: boolean;
  writeHead?: (status: number, headers: Record<string, string>) => { end: (body: string) => void };
}

function answerRefused(res: Answerable): void {
  if (!res.headersSent) {
    res.writeHead?.(502, { 'Content-Type': 'application/json' }).end('{"code":"SERVER_UNREACHABLE","message":"The game server is not reachable (restarting?)."}');
  }
  const now = Date.now();
  if (now - lastRefusedLine < REFUSED_LINE_EVERY_MS) return;
  lastRefusedLine = now;
  console.warn('[proxy] the game server is not reachable (restarting?); pages will reconnect on their own');
}

interface Closable {
  end?: () => void;
  destroy?: () => void;
}

/** For a proxy's `configure` hook: runs before Vite adds its listeners, so it sees each event first. */
export function quietOnNormalCloses(proxy: EventEmitter): void {
  const emit = proxy.emit.bind(proxy);
  proxy.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    // ('error', error, req, res): a websocket's `res` is the browser's socket, an HTTP one has `req`.
    const target = args[2] as (Closable & { req?: unknown }) | undefined;
    if (event === 'error' && isNormalClose(args[0]) && target && !('req' in target)) {
      target.destroy?.();
      return true;
    }
    // An HTTP request (its `res` has `req`) the game server refused: it is down or restarting.
    if (event === 'error' && codeOf(args[0]) === 'ECONNREFUSED' && target && 'req' in target) {
      answerRefused(target as Answerable);
      return true;
    }
    // ('proxyReqWs', proxyReq, req, socket): Vite logs every error of the browser's socket.
    if (event === 'proxyReqWs') quietSocket(args[2] as EventEmitter & Closable);
    return emit(event, ...args);
  };
}

function quietSocket(socket: EventEmitter & Closable): void {
  const emit = socket.emit.bind(socket);
  socket.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'error' && isNormalClose(args[0])) {
      socket.destroy?.();
      return true;
    }
    return emit(event, ...args);
  };
}
