import { describe, expect, it, vi } from 'vitest';
import { inviteOrigin } from './inviteOrigin';

const page = (url: string) => {
  const parsed = new URL(url);
  return { protocol: parsed.protocol, hostname: parsed.hostname, port: parsed.port, origin: parsed.origin };
};

describe('inviteOrigin', () => {
  it('a page opened on localhost invites friends to the machine\'s LAN address, same port', async () => {
    expect(await inviteOrigin(page('http://localhost:5173/t/BCDFG'), async () => ['192.168.1.20', '10.0.0.5'])).toBe('http://192.168.1.20:5173');
    expect(await inviteOrigin(page('http://127.0.0.1:2567/'), async () => ['192.168.1.20'])).toBe('http://192.168.1.20:2567');
  });

  it('keeps an address friends can already open, and its own origin when no LAN address is known', async () => {
    const lookUp = vi.fn(async () => ['192.168.1.20']);
    expect(await inviteOrigin(page('http://192.168.1.20:5173/'), lookUp)).toBe('http://192.168.1.20:5173');
    expect(await inviteOrigin(page('https://cards.example.org/'), lookUp)).toBe('https://cards.example.org');
    expect(lookUp).not.toHaveBeenCalled();
    expect(await inviteOrigin(page('http://localhost:2567/'), async () => [])).toBe('http://localhost:2567');
    expect(await inviteOrigin(page('http://localhost:2567/'), () => Promise.reject(new Error('404')))).toBe('http://localhost:2567');
  });
});
