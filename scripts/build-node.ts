import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

// Electron 45 runs Node 22 in the main process and the preload.
const electronEntries = [
  { entry: 'electron/main.ts', outfile: 'dist/electron/main.cjs' },
  // Sandboxed preloads cannot require local files, so the preload must be one self-contained file.
  { entry: 'electron/preload.ts', outfile: 'dist/electron/preload.cjs' },
];

await Promise.all(
  electronEntries.map(({ entry, outfile }) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'warning',
    }),
  ),
);

const cliOutfile = 'dist/cli/mesh-designer.mjs';
await build({
  // The simulation of `simulate --budget-ms` runs in a worker thread: its own file beside the CLI.
  entryPoints: { 'mesh-designer': 'cli/mesh-designer.ts', 'simulate-worker': 'cli/commands/simulate-worker.ts' },
  outdir: 'dist/cli',
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
});
chmodSync(cliOutfile, 0o755);

console.log('built dist/electron and dist/cli');
