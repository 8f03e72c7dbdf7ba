/**
 * `npm run render -w @deckhand/bench`: rewrites BENCHMARKS.md from bench-results.json
 * (after a change to the report's wording), without measuring anything.
 */
import { readResults } from './results';
import { resultPaths, writeResults } from './runConfig';

const results = readResults(resultPaths(false).json);
if (!results) {
  process.stderr.write('render: no bench-results.json yet; run npm run bench first\n');
  process.exit(2);
}
const paths = writeResults(results);
process.stdout.write(`wrote ${paths.markdown}\n`);
