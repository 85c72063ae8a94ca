/** `npm run bench [case...]`: runs each benchmark case (a module in bench/cases) in its own process. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const casesDir = new URL('./cases/', import.meta.url);
const available = readdirSync(casesDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
const requested = process.argv.slice(2);
const selected = requested.length > 0 ? requested : available;

for (const name of selected) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark '${name}'; available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n▶ ${name}`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', new URL(`${name}.ts`, casesDir).pathname],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
