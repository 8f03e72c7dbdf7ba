import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { quietOnNormalCloses } from '../scripts/quietProxy';

const reset = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

describe('quietOnNormalCloses (the dev proxy)', () => {
  it('a closed tab\'s socket reset is not logged; other errors are', () => {
    const proxy = new EventEmitter();
    quietOnNormalCloses(proxy);
    // Vite's own handler, added after `configure`: it prints a stack trace.
    const logged = vi.fn();
    proxy.on('error', logged);
    const browserSocket = Object.assign(new EventEmitter(), { destroy: vi.fn() });
    proxy.emit('error', reset(), {}, browserSocket);
    expect(logged).not.toHaveBeenCalled();
    expect(browserSocket.destroy).toHaveBeenCalled();

    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    proxy.emit('error', refused, {}, browserSocket);
    // An HTTP request's reset is an answer the page waits for: Vite still answers it with a 502.
    proxy.emit('error', reset(), {}, { req: {}, end: vi.fn() });
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('the browser socket of a proxied websocket drops resets too', () => {
    const proxy = new EventEmitter();
    quietOnNormalCloses(proxy);
    const socket = Object.assign(new EventEmitter(), { destroy: vi.fn() });
    const socketErrors = vi.fn();
    proxy.on('proxyReqWs', (_proxyReq, _req, browser: EventEmitter) => browser.on('error', socketErrors));
    proxy.emit('proxyReqWs', {}, {}, socket, {});
    socket.emit('error', reset());
    expect(socketErrors).not.toHaveBeenCalled();
    socket.emit('error', Object.assign(new Error('boom'), { code: 'EPROTO' }));
    expect(socketErrors).toHaveBeenCalledTimes(1);
  });
});
