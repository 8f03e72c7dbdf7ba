/**
 * Part 5: rules throughput and bot decision time, from the rules package's
 * own benchmark, run as a child process (alone on the machine: no server is
 * running while it measures) and read back through its `--json` output.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../processes';
import type { RulesFigures, RulesGameFigures } from '../results';

const RULES_DIR = path.join(REPO_ROOT, 'packages', 'rules');
/** The full rules bench takes about half a minute per game; anything far beyond is stuck. */
const TIMEOUT_MS = 10 * 60_000;

export async function measureRules(quick: boolean): Promise<RulesFigures> {
  const args = ['--import', 'tsx', 'bench/rules.bench.ts', '--json', ...(quick ? ['--quick'] : [])];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: RULES_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`rules bench exited with ${code ?? signal}: ${stderr.trim().slice(-500)}`));
    });
  });
  // The JSON is the last line that parses; anything printed before it is ignored.
  const parsed = output
    .trim()
    .split('\n')
    .reverse()
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return undefined;
      }
    })
    .find((value) => typeof value === 'object' && value !== null) as { games?: RulesGameFigures[] } | undefined;
  if (!parsed || !Array.isArray(parsed.games)) throw new Error(`rules bench printed no JSON with "games": ${output.slice(-300)}`);
  return {
    command: `npm run bench -w @deckhand/rules -- --json${quick ? ' --quick' : ''}`,
    games: parsed.games,
    raw: parsed,
  };
}
