/**
 * Vite's proxy prints a stack trace for every socket error, and a closed
 * browser tab resets its game socket (`ws proxy error: read ECONNRESET`).
 * That is a normal end, not a problem: these errors close the socket quietly;
 * every other error still reaches Vite's own handler and its log.
 */
import type { EventEmitter } from 'node:events';

const NORMAL_CLOSES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function isNormalClose(error: unknown): boolean {
  return typeof error === 'object' && error !== null && NORMAL_CLOSES.has(String((error as { code?: unknown }).code));
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
