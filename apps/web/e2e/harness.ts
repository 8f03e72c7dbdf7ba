/**
 * The end-to-end stack: the real game server (a child process, its own port,
 * bots without delay), the production web build served by `vite preview`
 * proxying to it, and Debian's chromium driven by playwright-core. Nothing is
 * downloaded: the browser must already be installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(webRoot, '..', '..');
export const ARTIFACTS = join(webRoot, 'artifacts');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`game server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`game server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

export interface Stack {
  readonly baseUrl: string;
  readonly serverPort: number;
  /** The game server's process: a test may kill and start it again (same port, same environment). */
  readonly server: GameServerProcess;
  stop(): Promise<void>;
}

let built = false;

/** `vite build` in its own process: under vitest NODE_ENV is "test", which would bundle React's development build. */
async function runBuild(): Promise<void> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`vite build failed (${code}):\n${output}`);
}

/** Builds the web app into dist/ once per test process: the suite tests the code as it is now, not an old dist/. */
export async function buildWebOnce(): Promise<void> {
  if (built) return;
  await runBuild();
  built = true;
}

/** The game server (`tsx src/main.ts`) in a child process on a fixed port; started, killed and started again at will. */
export class GameServerProcess {
  private child: ChildProcess | null = null;
  /** Everything the current process printed. */
  output = '';

  constructor(
    readonly port: number,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  /** Starts the server and waits until it answers its health check. */
  async start(): Promise<void> {
    if (this.running()) throw new Error('the game server is already running');
    this.output = '';
    // One process (tsx as a loader, not its CLI, which runs the server in a child): a SIGKILL must reach the server itself.
    const child = spawn(process.execPath, ['--conditions=@deckhand/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: join(repoRoot, 'apps', 'server'),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        BOT_DELAY_MS: '0',
        LOG_LEVEL: 'warn',
        RECONNECT_SECONDS: '30',
        HAND_SUMMARY_SECONDS: '30',
        // Invites from a page on localhost name this address: loopback, so every test stays on this machine.
        LAN_ADDRESS: '127.0.0.1',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    try {
      await waitFor(`http://127.0.0.1:${this.port}/health`, 60_000, child, () => this.output);
    } catch (error) {
      await this.stop('SIGKILL');
      throw error;
    }
  }

  /** Whether the process is alive (a killed one has no exit code but a signal). */
  running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits for the process to end (SIGKILL after 5 s); answers its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running()) return child?.exitCode ?? null;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.running()) {
      child.kill('SIGKILL');
      await exited;
    }
    return child.exitCode;
  }
}

/** Starts a game server and a preview web server on free ports; `stop` ends both. */
export async function startStack(env: Readonly<Record<string, string>> = {}): Promise<Stack> {
  await buildWebOnce();
  const server = new GameServerProcess(await freePort(), env);
  let web: PreviewServer | null = null;
  try {
    await server.start();
    process.env.DECKHAND_SERVER_URL = `http://127.0.0.1:${server.port}`;
    const webPort = await freePort();
    web = await preview({
      root: webRoot,
      configFile: join(webRoot, 'vite.config.ts'),
      logLevel: 'warn',
      preview: { port: webPort, strictPort: true, host: '127.0.0.1' },
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const previewServer = web;
  const address = previewServer.httpServer.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    serverPort: server.port,
    server,
    async stop() {
      await new Promise<void>((r) => previewServer.httpServer.close(() => r()));
      await server.stop();
    },
  };
}

export interface Player {
  readonly name: string;
  readonly page: Page;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Whether the browser asks for reduced motion: most tests do, so screenshots never catch a card mid-flight. */
export type Motion = 'reduce' | 'no-preference';

/** A separate browser (own profile, own storage) for one person. */
export async function openPlayer(name: string, viewport = { width: 1280, height: 860 }, touch = false, motion: Motion = 'reduce'): Promise<Player> {
  const profile = await mkdtemp(join(tmpdir(), 'deckhand-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    hasTouch: touch,
    isMobile: touch,
    deviceScaleFactor: touch ? 2 : 1,
    reducedMotion: motion,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    name,
    page,
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`${name}: page errors: ${errors.join('; ')}`);
    },
  };
}

/** Saves a full-page screenshot into artifacts/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Saves a screenshot of one part of the page (the log, say) into artifacts/. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await part.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** A game server and web server for one describe block, and the browsers opened in it. */
export interface StackSuite {
  readonly stack: Stack;
  /** Opens a browser context for a player; it is closed when the block ends. */
  open(name: string, viewport?: { width: number; height: number }, touch?: boolean, motion?: Motion): Promise<Player>;
}

/** Starts the stack before the block's tests and closes every browser and server after them. */
export function useStackSuite(env: Readonly<Record<string, string>> = {}): StackSuite {
  let stack: Stack | undefined;
  const players: Player[] = [];
  beforeAll(async () => {
    stack = await startStack(env);
  });
  afterAll(async () => {
    for (const player of players) await player.close();
    await stack?.stop();
  });
  return {
    get stack(): Stack {
      if (!stack) throw new Error('The test stack is not running (beforeAll failed?)');
      return stack;
    },
    async open(name, viewport, touch, motion) {
      const player = await openPlayer(name, viewport, touch, motion);
      players.push(player);
      return player;
    },
  };
}
