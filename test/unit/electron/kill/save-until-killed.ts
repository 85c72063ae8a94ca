/**
 * The child of the kill test: starts as the app does (sweeping the temporary files a killed save
 * left beside the design), says `started`, waits for `go` on stdin, then saves the design again
 * and again, alternating two versions and saying `saving` before each, until it is killed.
 */
import { readFileSync } from 'node:fs';
import { sweepOrphanTemporaryFiles, writeFileAtomically } from '../../../../electron/files/atomic-write';
import { nodeFileSystem } from '../../../../electron/files/node-file-system';

const [target, ...versionFiles] = process.argv.slice(2);
if (!target || versionFiles.length !== 2) throw new Error('usage: save-until-killed <target> <version A> <version B>');
const versions = versionFiles.map((path) => readFileSync(path, 'utf8'));

await sweepOrphanTemporaryFiles(nodeFileSystem, target, { olderThanMs: 0 });
process.stdout.write('started\n');
process.stdin.once('data', async () => {
  for (let round = 0; ; round++) {
    process.stdout.write('saving\n');
    await writeFileAtomically(nodeFileSystem, target, versions[round % 2] as string);
  }
});
