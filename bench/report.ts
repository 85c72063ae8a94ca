import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const REPORT_FILE = new URL('../BENCHMARKS.md', import.meta.url);
const HEADER = '# Benchmarks\n\nWritten by `npm run bench`; each section is replaced when its case runs again.\n';

export function machineDescription(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memoryGiB = Math.round(totalmem() / 1024 ** 3);
  return `${cpus().length} × ${cpu}, ${memoryGiB} GiB, Node ${process.version}, ${process.platform}`;
}

/** Replaces (or appends) one case's section in BENCHMARKS.md, stamped with date and machine. */
export function writeSection(title: string, body: string): void {
  const existing = existsSync(REPORT_FILE) ? readFileSync(REPORT_FILE, 'utf8') : HEADER;
  const start = `<!-- bench:${title} -->`;
  const end = `<!-- /bench:${title} -->`;
  const stamped = `${start}\n## ${title}\n\n_${new Date().toISOString().slice(0, 10)} on ${machineDescription()}_\n\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${escapeRegExp(start)}[\\s\\S]*?${escapeRegExp(end)}`);
  const next = pattern.test(existing) ? existing.replace(pattern, stamped) : `${existing.trimEnd()}\n\n${stamped}\n`;
  writeFileSync(REPORT_FILE, next);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
