/**
 * A table's randomness drawn from one seed: the same seed gives the same
 * deals, bot choices and bot delays, table by table. For tests only (the table
 * core's own tests, and a server under `TEST_SEED`): a known seed is a known deal.
 */
import { Rng } from '@deckhand/rules';
import type { TableRandom } from './types';

export function seededTableRandom(seed: string): TableRandom {
  const rng = Rng.fromSeed(seed);
  return {
    seed: () => `deal-${rng.nextUint32()}`,
    delay: (min, max) => min + (rng.nextUint32() % (max - min + 1)),
    botSeed: () => `bots-${rng.nextUint32()}`,
  };
}
