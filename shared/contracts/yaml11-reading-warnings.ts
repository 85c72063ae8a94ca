import { formatPath } from '../model/problem';
import type { FindingSeverity, LocatedFinding } from './finding';
import { yaml11Rewrites } from './yaml11-quoting';

/** `y` and `n` in any capitals: booleans to the YAML 1.1 spec, but left out of PyYAML's and SnakeYAML's. */
const SPEC_ONLY_BOOLEAN = /^[yYnN]$/;
/** The words PyYAML and SnakeYAML read as booleans and YAML 1.2 as text. */
const READ_AS_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;
const TRUE_WORD = /^(?:y|yes|on)$/i;

/**
 * A finding at each plain value YAML 1.1 readers read otherwise than the app does (`on`, `=`,
 * `1_000`, `1:30`, `0755`, a date and time), with the text that reads alike in both as its quick
 * fix: a warning where PyYAML (under datacontract-cli) or SnakeYAML does, an info where
 * only readers that follow the spec whole do (`y`, `n`). Save writes the text as it is; export quotes them.
 */
export function yaml11ReadingWarnings(text: string): LocatedFinding[] {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const positionOf = (offset: number) => {
    const line = lineStarts.findLastIndex((start) => start <= offset);
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  return (yaml11Rewrites(text) ?? []).map(({ start, end, text: rewritten, path }) => {
    const from = positionOf(start);
    const to = positionOf(end);
    const { reading, severity } = howYaml11Reads(text.slice(start, end));
    return {
      path: formatPath(path),
      message: `${reading}: write ${rewritten}`,
      severity,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      repair: {
        kind: 'replace-marked-text',
        text: rewritten,
        title: rewritten.startsWith('"') ? 'Quote it' : `Write it ${rewritten}`,
      },
    };
  });
}

/** Which YAML 1.1 readers read the plain value otherwise, and as what, with how much that matters. */
function howYaml11Reads(source: string): { reading: string; severity: FindingSeverity } {
  const asBoolean = `the boolean ${TRUE_WORD.test(source)}`;
  if (SPEC_ONLY_BOOLEAN.test(source)) {
    return {
      reading: `the YAML 1.1 spec and readers that follow it whole, such as Go's yaml.v2, read \`${source}\` as ${asBoolean}; PyYAML and SnakeYAML read text`,
      severity: 'info',
    };
  }
  if (READ_AS_BOOLEAN.test(source))
    return { reading: `PyYAML and SnakeYAML read \`${source}\` as ${asBoolean}`, severity: 'warning' };
  return {
    reading: `YAML 1.1 readers such as PyYAML read \`${source}\` otherwise than YAML 1.2 does`,
    severity: 'warning',
  };
}
