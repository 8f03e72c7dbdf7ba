// Builds a publishable workspace package (run from its folder by its `build`
// script): src/index.ts -> dist/index.js, one ESM file that plain `node` and
// every bundler can load, and dist/index.d.ts, one declaration file. One file
// each because the sources import without file extensions (Bundler
// resolution), which Node's ESM loader and `moduleResolution: node16`
// consumers would not follow. Dependencies stay imports, resolved by whoever
// installs the package.
//
// Two builds of one package can run at once: turbo builds it for the tests of
// the packages that depend on it while the published-package test packs it
// (`npm pack` builds in `prepack`). So each build writes into a folder of its
// own and moves each finished file into dist/ with one rename: dist/ is never
// emptied under the other build, and never holds a half-written file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });

// The declarations import a sibling workspace package's built types (its sources cannot be bundled into them):
// without its build this one fails with a page of "Cannot find module". Say which build to run instead.
for (const name of external.filter((dependency) => dependency.startsWith('@deckhand/'))) {
  const sibling = join('..', '..', 'node_modules', name);
  const types = JSON.parse(readFileSync(join(sibling, 'package.json'), 'utf8')).exports?.['.']?.types;
  if (types && !existsSync(join(sibling, types))) {
    console.error(`${pkg.name}: ${name} is not built yet; build both with: npx turbo run build --filter=${pkg.name}`);
    process.exit(1);
  }
}

/** Writes index.js and index.d.ts into `out`. */
async function buildInto(out) {
  await build({
    entryPoints: ['src/index.ts'],
    outfile: join(out, 'index.js'),
    bundle: true,
    // Pure code: no Node built-ins, so the same file runs in browsers and Node.
    platform: 'neutral',
    target: 'es2022',
    format: 'esm',
    external,
    // The monorepo reads sibling packages' sources; a published build must import their builds.
    conditions: [],
    logLevel: 'warning',
  });
  const [declarations] = generateDtsBundle(
    [
      {
        filePath: 'src/index.ts',
        output: { noBanner: true, exportReferencedTypes: false },
        // A sibling workspace package resolves outside node_modules; keep its types an import too.
        libraries: { importedLibraries: external },
      },
    ],
    { preferredConfigPath: 'tsconfig.build.json' },
  );
  writeFileSync(join(out, 'index.d.ts'), declarations);
}

/** Moves each file of `out` into dist/ in one rename, and drops what an earlier layout left there. */
function replaceDist(out) {
  const built = readdirSync(out);
  mkdirSync('dist', { recursive: true });
  for (const stale of readdirSync('dist').filter((name) => !built.includes(name))) rmSync(join('dist', stale), { recursive: true, force: true });
  for (const name of built) renameSync(join(out, name), join('dist', name));
}

const out = mkdtempSync('.dist-build-');
try {
  await buildInto(out);
  replaceDist(out);
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(`${pkg.name}: dist/index.js, dist/index.d.ts`);
