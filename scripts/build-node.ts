import { chmodSync } from 'node:fs';
import { build } from 'esbuild';
import { CLI_BUILD_OPTIONS } from './cli-build-options';

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
await build({ ...CLI_BUILD_OPTIONS, outdir: 'dist/cli' });
chmodSync(cliOutfile, 0o755);

console.log('built dist/electron and dist/cli');
