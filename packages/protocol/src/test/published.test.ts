/**
 * The packages as a stranger installs them: `npm pack` both (each build runs
 * in `prepack`), install the two tarballs into an empty folder outside the
 * repository, and run a script there with plain `node`: no tsx, no workspace,
 * no source condition. Then type-check a TypeScript consumer against the
 * shipped declarations with Node's own ESM resolution (`nodenext`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBot, findGame, playGame, Rng } from '@deckhand/rules';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(here, '../../..');
const repoRoot = resolve(packagesDir, '..');

interface PackedFile {
  readonly path: string;
}
interface Packed {
  readonly filename: string;
  readonly files: readonly PackedFile[];
}

/** What the consumer script prints, computed again here from the sources to compare. */
const CONSUMER = `
import { findBot, findGame, playGame, Rng } from '@deckhand/rules';
import { parseClientMessage, snapshotFromState, PROTOCOL_VERSION } from '@deckhand/protocol';

const hearts = findGame('hearts');
const heuristic = findBot(hearts, 'heuristic');
const played = playGame(hearts, { seed: 'packed-1', bots: [heuristic, heuristic, heuristic, heuristic], check: true });
const state = hearts.setup({ seed: 'packed-2', seats: 4, options: hearts.defaultOptions(4) });
const view = hearts.view(state, 0);
const legal = hearts.legalMoves(state, 0);
const choice = heuristic.choose(view, legal, Rng.fromSeed('packed-bot'));
const message = parseClientMessage('move', { move: choice });
const snapshot = snapshotFromState({ code: 'BCDFG', gameId: 'hearts', phase: 'lobby', seats: [{ kind: 'human', name: 'Ann' }] });
console.log(JSON.stringify({
  scores: played.outcome.scores, violations: played.violations.length, hand: view.private.hand, choice,
  accepted: message.ok, protocol: PROTOCOL_VERSION, seatName: snapshot.seats[0].name,
}));
`;

const TYPED_CONSUMER = `
import { findGame, type HeartsView, type Bot, type HeartsMove } from '@deckhand/rules';
import { snapshotFromState, type TableSnapshot } from '@deckhand/protocol';

const lowest: Bot<HeartsView, HeartsMove> = { id: 'lowest', name: 'Lowest', choose: (_view, moves) => moves[0]! };
const snapshot: TableSnapshot = snapshotFromState({});
const seats = findGame('hearts')?.minSeats ?? 0;
// @ts-expect-error the declarations are real types, not any: a seat count is not a string
const wrong: string = seats;
export { lowest, snapshot, wrong };
`;

describe('published packages', () => {
  let folder = '';
  let packed: Record<'rules' | 'protocol', Packed>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'deckhand-packed-'));
    const pack = async (name: 'rules' | 'protocol'): Promise<Packed> => {
      const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', folder], { cwd: join(packagesDir, name) });
      // prepack's build logs before npm's JSON; the JSON array is the last thing printed.
      return (JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as Packed[])[0]!;
    };
    packed = { rules: await pack('rules'), protocol: await pack('protocol') };
    const app = join(folder, 'app');
    await run('mkdir', [app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'bot-author', private: true, type: 'module' }));
    // Both tarballs in one install, so protocol's dependency on the rules is the packed rules; valibot comes from npm's cache.
    await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', join(folder, packed.rules.filename), join(folder, packed.protocol.filename)],
      { cwd: app },
    );
  }, 600_000);

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('ships the built files, the rule books, a README and the licence, and no tests or benches', () => {
    const rules = packed.rules.files.map((file) => file.path).sort();
    const protocol = packed.protocol.files.map((file) => file.path).sort();
    expect(rules).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'dist/index.d.ts', 'dist/index.js', 'package.json', 'src/games/hearts/RULES.md']),
    );
    expect(protocol).toEqual(['LICENSE', 'README.md', 'dist/index.d.ts', 'dist/index.js', 'package.json']);
    const devOnly = [...rules, ...protocol].filter((path) => /test|bench|\/cli\//.test(path) || (path.endsWith('.ts') && !path.endsWith('.d.ts')));
    expect(devOnly).toEqual([]);
  });

  it('runs a seeded game, a view and a bot choice under plain node, the same as the sources', async () => {
    const app = join(folder, 'app');
    await writeFile(join(app, 'consumer.mjs'), CONSUMER);
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: app });
    const printed = JSON.parse(stdout) as Record<string, unknown>;

    const hearts = findGame('hearts')!;
    const heuristic = findBot(hearts, 'heuristic')!;
    const expected = playGame(hearts, { seed: 'packed-1', bots: [heuristic, heuristic, heuristic, heuristic] });
    const state = hearts.setup({ seed: 'packed-2', seats: 4, options: hearts.defaultOptions(4) });
    const view = hearts.view(state, 0) as { private: { hand: number[] } };
    const choice = heuristic.choose(view, hearts.legalMoves(state, 0), Rng.fromSeed('packed-bot'));
    expect(printed).toEqual({
      scores: expected.outcome.scores, violations: 0, hand: view.private.hand, choice,
      accepted: true, protocol: expect.any(Number), seatName: 'Ann',
    });
    // The installed protocol imports the installed rules, not a second copy from anywhere else.
    const lock = JSON.parse(await readFile(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((path) => path.endsWith('@deckhand/rules'))).toEqual(['node_modules/@deckhand/rules']);
  }, 180_000);

  it('type-checks a TypeScript consumer against the shipped declarations (nodenext resolution)', async () => {
    const app = join(folder, 'app');
    await writeFile(join(app, 'consumer.ts'), TYPED_CONSUMER);
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const compilerOptions = {
      // skipLibCheck: valibot's own declarations are large; the consumer's uses of ours are still checked.
      noEmit: true, skipLibCheck: true, strict: true, noUncheckedIndexedAccess: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [],
    };
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app }).catch((error: { stdout: string }) => error);
    expect('stdout' in result ? result.stdout : '').toBe('');
  }, 180_000);
});
