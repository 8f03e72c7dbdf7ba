// Inside the monorepo every tool reads the workspace packages' TypeScript
// sources, not their builds: @deckhand/rules, @deckhand/protocol and
// @deckhand/bot-client list a `@deckhand/source` export condition before their
// built files, so a change is live at once (`turbo dev`, vitest) and nothing
// needs building first. TypeScript gets it from `customConditions` in
// tsconfig.base.json; Node and tsx from the `--conditions` flag; Vite and
// Vitest from this fragment (plain JavaScript, so Vite's config loader reads
// it as it is).
import { defaultClientConditions, defaultServerConditions } from 'vite';

export const SOURCE_CONDITION = '@deckhand/source';

/** Spread into a Vite or Vitest config: browser and server (SSR, Vitest's node tests) resolution alike. */
export const sourceResolution = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
};
