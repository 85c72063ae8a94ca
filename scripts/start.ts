/**
 * `npm start`: builds when sources are newer than the build, then launches Electron.
 * Where Electron's binary is missing, it says so and serves the same UI in the browser.
 * `npm run web` (`--web`) always serves the browser build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';
import { serveApp } from './serve-app';

const ROOT = join(import.meta.dirname, '..');
const BUILD_MARKER = join(ROOT, 'dist/renderer/index.html');
const SOURCES = ['renderer', 'shared', 'electron', 'assets', 'cli'];
const PORT = Number(process.env.PORT ?? 5173);
const isWebOnly = process.argv.includes('--web');

function newestModification(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestModification(join(path, entry))));
}

function buildIfNeeded(): void {
  const builtAt = statSync(BUILD_MARKER, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changedAt = Math.max(...SOURCES.map((folder) => newestModification(join(ROOT, folder))));
  if (builtAt >= changedAt) return;
  console.log('Building…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function serveInBrowser(reason: string | null): Promise<void> {
  const served = await serveApp(join(ROOT, 'dist/renderer'), PORT, isWebOnly ? 'npm run web' : 'npm start');
  if (!served.ok) {
    console.error(served.message);
    process.exit(1);
  }
  if (reason) console.log(reason);
  console.log(`Data Mesh Designer is running at ${served.url} (Ctrl+C to stop)`);
}

buildIfNeeded();
const electron = isWebOnly ? null : findElectronBinary(join(ROOT, 'node_modules/electron'));
if (electron) {
  const app = spawn(electron, [ROOT], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  await serveInBrowser(
    isWebOnly
      ? null
      : "Electron's binary is not installed on this machine (node_modules/electron has no dist/), so the app runs in your browser instead:",
  );
}
