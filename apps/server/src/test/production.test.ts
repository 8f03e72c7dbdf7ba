/**
 * Production HTTP as a stranger probes it (issue 11, point 7): source maps
 * are never served, a missing asset is a 404 rather than the app page, and
 * no spelling of the monitor's paths shows anything without credentials.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer } from './harness';
import type { TestServer } from './harness';
import { rawRequest } from './rawHttp';

const PORT = 25742;
const APP_PAGE = '<!doctype html><html><body><div id="root"></div><script src="/assets/index-abc.js"></script></body></html>';

let webDist = '';
beforeAll(() => {
  // A web build as an older vite config left it: the bundle and its source map.
  webDist = mkdtempSync(join(tmpdir(), 'deckhand-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), APP_PAGE);
  writeFileSync(join(webDist, 'assets', 'index-abc.js'), 'console.log("app");\n//# sourceMappingURL=index-abc.js.map\n');
  writeFileSync(join(webDist, 'assets', 'index-abc.js.map'), '{"version":3,"sourcesContent":["the whole source"]}');
});
afterAll(() => {
  rmSync(webDist, { recursive: true, force: true });
});

const MONITOR_PATHS = [
  '/monitor', '/monitor/', '/Monitor', '/MONITOR/', '/monitor/api', '/monitor/api/', '/monitor/api/room?roomId=x',
  '/monitor/../monitor/api', '/monitor/./api', '/monitor//api', '/monitor/index.html', '/monitor%2Fapi', '/%6Donitor/api',
];

/** What the monitor would give away: its page, its script, or its JSON about rooms. */
function looksLikeMonitor(text: string): boolean {
  return /colyseus|monitor|"rooms"|"roomId"|"clients"|<script src="static/i.test(text);
}

async function get(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const answer = await rawRequest(server.port, path, { method: 'GET', headers });
  return { status: answer.status, text: typeof answer.json['text'] === 'string' ? answer.json['text'] : JSON.stringify(answer.json) };
}

describe('production web build', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootServer(PORT, { NODE_ENV: 'production', TOKEN_SECRET: 'p'.repeat(40), WEB_DIST: webDist, LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    await server.shutdown();
  });

  it('serves the app and its files, never a source map, and 404s a missing asset', async () => {
    expect(await get(server, '/')).toEqual({ status: 200, text: APP_PAGE });
    expect(await get(server, '/t/BCDFG')).toEqual({ status: 200, text: APP_PAGE });
    // A shared replay link opens the app, which asks /api/games/:id itself.
    expect(await get(server, '/g/0f8e5a1c-3b2d-4c6e-9a7b-1d2e3f4a5b6c')).toEqual({ status: 200, text: APP_PAGE });
    expect((await get(server, '/assets/index-abc.js')).status).toBe(200);
    for (const path of ['/assets/index-abc.js.map', '/assets/index-abc.js.MAP', '/index-abc.js.map', '/assets/nope.js', '/assets/nope.css', '/ASSETS/nope.js', '/assets/']) {
      const answer = await get(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).not.toContain('the whole source');
      expect(answer.text, path).not.toContain('<div id="root">');
    }
  });

  it('without monitor credentials configured, every spelling of the monitor path is a plain 404', async () => {
    for (const path of MONITOR_PATHS) {
      const answer = await get(server, path);
      expect(looksLikeMonitor(answer.text), path).toBe(false);
      // A path that is not the monitor's may be the app page (the client shows its own "not found").
      if (answer.status !== 404) expect(answer, path).toEqual({ status: 200, text: APP_PAGE });
    }
    expect(await get(server, '/monitor/api')).toEqual({ status: 404, text: JSON.stringify({ code: 'NOT_FOUND', message: 'There is nothing here.', error: 'There is nothing here.' }) });
  });
});

describe('production monitor with credentials', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootServer(PORT, {
      NODE_ENV: 'production', TOKEN_SECRET: 'p'.repeat(40), WEB_DIST: webDist, MONITOR_USER: 'ops', MONITOR_PASSWORD: 'secret-password',
    });
  });
  afterAll(async () => {
    await server.shutdown();
  });

  it('asks for credentials on every spelling, shows nothing with wrong ones, and opens with the right ones', async () => {
    const wrong = { authorization: `Basic ${Buffer.from('ops:guess').toString('base64')}` };
    for (const path of MONITOR_PATHS) {
      for (const headers of [{}, wrong]) {
        const answer = await get(server, path, headers);
        expect(looksLikeMonitor(answer.text.replace('deckhand monitor', '')), path).toBe(false);
        expect([401, 404, 200], path).toContain(answer.status);
        if (answer.status === 200) expect(answer.text, path).toBe(APP_PAGE);
      }
    }
    const right = { authorization: `Basic ${Buffer.from('ops:secret-password').toString('base64')}` };
    const rooms = await get(server, '/monitor/api', right);
    expect(rooms.status).toBe(200);
  });
});
