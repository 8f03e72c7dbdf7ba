// Builds a publishable workspace package (run from its folder by its `build`
// script): src/index.ts -> dist/index.js, one ESM file that plain `node` and
// every bundler can load, and dist/index.d.ts, one declaration file. One file
// each because the sources import without file extensions (Bundler
// resolution), which Node's ESM loader and `moduleResolution: node16`
// consumers would not follow. Dependencies stay imports, resolved by whoever
// installs the package.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
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
writeFileSync('dist/index.d.ts', declarations);
console.log(`${pkg.name}: dist/index.js, dist/index.d.ts`);
