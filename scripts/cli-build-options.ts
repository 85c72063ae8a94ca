import type { BuildOptions } from 'esbuild';

/** How the CLI is bundled: by `npm run build` into dist/cli, and by the unit tests that run it as a process. */
export const CLI_BUILD_OPTIONS = {
  // The simulation of `simulate --budget-ms` runs in a worker thread: its own file beside the CLI.
  entryPoints: { 'mesh-designer': 'cli/mesh-designer.ts', 'simulate-worker': 'cli/commands/simulate-worker.ts' },
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
  // The CLI runs beside node_modules. Bundled into ESM, CommonJS packages lose their own
  // require and __dirname, which sql.js needs to find its .wasm; so packages stay external.
  packages: 'external',
  logLevel: 'warning',
} satisfies BuildOptions;
