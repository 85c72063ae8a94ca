import { readYamlSource, type YamlSource } from '../contracts/yaml-source';
import { MeshFileSchema } from '../model/mesh';
import { type ContractTextPlace, pathSegments } from '../model/problem';

/** The design's own keys: a problem at one the file lacks (`systems: missing required field`) is placed at the design. */
const isDesignKey = (key: string) => Object.hasOwn(MeshFileSchema.shape, key);

/** Where a problem of a design is in its `.mesh.json` text: the place of the value its path names. */
export type DesignFilePlacer = (path: string, contractText?: ContractTextPlace) => ContractTextPlace | undefined;

/**
 * Places a design's problems at their line and column in the file's text, read once (JSON is
 * YAML 1.2, so the YAML reader gives every value's place; a value the file lacks, that of the
 * nearest one it has). A path outside the design's own keys (`(engine)`, `query`) has none. A
 * problem inside a contract's text (`contractText`) is placed in the string of its line in the
 * contract's `odcs` array, at its column counted through the escapes.
 */
export function designFilePlacer(text: string): DesignFilePlacer {
  // Read on the first problem only: a design without problems is not read twice.
  let read: { source: YamlSource; lines: string[] } | undefined;
  return (path, contractText) => {
    read ??= { source: readYamlSource(text), lines: text.split('\n') };
    const { source, lines } = read;
    const segments = pathSegments(path);
    const [section] = segments;
    if (!isRecord(source.value) || typeof section !== 'string') return undefined;
    if (!(section in source.value) && !isDesignKey(section)) return undefined;
    const contractIndex = segments[1];
    if (contractText && section === 'contracts' && typeof contractIndex === 'number') {
      const lineAt = ['contracts', contractIndex, 'odcs', contractText.line - 1];
      const inContract = hasString(source.value, lineAt)
        ? placeInContractLine(lines, source.locate(lineAt), contractText.column)
        : undefined;
      if (inContract) return inContract;
    }
    const { line, column } = source.locate(segments);
    return { line, column };
  };
}

/** The place, in the file, of the `column`th character of the JSON string starting at `start`; none when no string starts there. */
function placeInContractLine(
  lines: readonly string[],
  start: ContractTextPlace,
  column: number,
): ContractTextPlace | undefined {
  const raw = lines[start.line - 1];
  if (raw?.[start.column - 1] !== '"') return undefined;
  let at = start.column;
  for (let read = 1; read < column && at < raw.length && raw[at] !== '"'; read++) {
    at += raw[at] !== '\\' ? 1 : raw[at + 1] === 'u' ? 6 : 2;
  }
  return { line: start.line, column: at + 1 };
}

function hasString(value: unknown, path: readonly (string | number)[]): boolean {
  const found = path.reduce<unknown>(
    (node, segment) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined,
    value,
  );
  return typeof found === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
