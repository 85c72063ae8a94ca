import { readVersion } from '../../contracts/semver';
import { firstAndCounted } from '../../model/word-list';

/** Lists longer than this are cut with "and N more": a diagram is read at a glance. */
const LIST_LIMIT = 4;
const TEXT_LIMIT = 80;

/** `a, b, c, d and 3 more`, or `none`. */
export function listed(items: readonly string[]): string {
  return items.length === 0 ? 'none' : firstAndCounted(items, LIST_LIMIT);
}

/** The first line of markdown with its heading marks removed, cut to a label's length. */
export function firstLine(markdown: string): string {
  const line = markdown
    .split('\n')
    .map((text) => text.replace(/^#+\s*/, '').trim())
    .find((text) => text !== '');
  if (!line) return '';
  return line.length > TEXT_LIMIT ? `${line.slice(0, TEXT_LIMIT - 1)}…` : line;
}

/** `Order v1.2.0`, `Order v2` (written `v2`), `Order 2024-01` (no version number), or `no contract`. */
export function contractLabel(contract: { name: string; version: string } | undefined): string {
  if (!contract) return 'no contract';
  const isNumbered = readVersion(contract.version) !== undefined && !/^v/i.test(contract.version);
  return `${contract.name} ${isNumbered ? 'v' : ''}${contract.version}`;
}
