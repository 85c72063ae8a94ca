import { parseMeshFile } from '../shared/contracts';
import { fileErrorReason } from '../shared/files/file-error-reason';
import type { Mesh, Problem, Result } from '../shared/model';
import { isContractGivenAsDesign } from '../shared/model/mesh-file-diagnosis';
import { decodeTextFileBytes, MESH_FILES, type TextFileKind } from '../shared/model/mesh-file-format';
import { type DesignFilePlacer, designFilePlacer } from '../shared/validation/design-file-places';
import { type CliIo, PROGRAM } from './cli-io';
import { designContractTexts, withFollowOnYamlErrorsCounted } from './follow-on-yaml-errors';
import { formatProblemInFile, placedInDesign, WHOLE_FILE } from './problem-line';
import { backslashAdvice } from './windows-paths';

/**
 * A file's text, decoded by the app's rules for its kind (a mesh file is UTF-8, a contract source
 * may be UTF-16), or why it cannot be read (`cannot read: no such file`), never a stack trace.
 */
export async function readInput(
  io: CliIo,
  path: string,
  kind: TextFileKind = MESH_FILES,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(path);
  } catch (error) {
    const advice = (error as { code?: string }).code === 'ENOENT' ? backslashAdvice(path) : undefined;
    return { ok: false, message: `cannot read: ${fileErrorReason(error, path)}${advice ? `; ${advice}` : ''}` };
  }
  const text = decodeTextFileBytes(bytes, kind);
  if (!text.ok)
    return { ok: false, message: `cannot read: ${text.errors.map((problem) => problem.message).join('; ')}` };
  return { ok: true, text: text.value };
}

/**
 * A design read and checked, with its text to place later problems in (`designFilePlacer`); or
 * every problem at its place in the file, and as the lines to print.
 */
export async function readMesh(
  io: CliIo,
  path: string,
): Promise<{ ok: true; mesh: Mesh; placer: DesignFilePlacer } | { ok: false; problems: Problem[]; lines: string[] }> {
  const input = await readInput(io, path);
  const read = input.ok
    ? readDesign(path, input.text)
    : { ok: false as const, errors: [{ path: WHOLE_FILE, message: input.message }] };
  const text = input.ok ? input.text : '';
  if (read.ok) return { ok: true, mesh: read.value, placer: designFilePlacer(text) };
  const problems = designProblemsPlaced(text, read.errors);
  return { ok: false, problems, lines: problems.map((problem) => formatProblemInFile(path, problem)) };
}

/**
 * The problems that keep a design's text from being read, each at its line and column in that text,
 * and a broken contract text's first YAML error alone, with how many follow it.
 */
export function designProblemsPlaced<P extends Problem>(text: string, problems: readonly P[]): P[] {
  const placer = designFilePlacer(text);
  return withFollowOnYamlErrorsCounted(problems, designContractTexts(text)).map((problem) =>
    placedInDesign(placer, problem),
  );
}

function readDesign(path: string, text: string): Result<Mesh> {
  const parsed = parseMeshFile(text);
  if (parsed.ok || !isContractGivenAsDesign(parsed.errors)) return parsed;
  return { ok: false, errors: [{ path: WHOLE_FILE, message: contractGivenAsDesign(path) }] };
}

/** The app's advice names its menus: on the command line, the commands that check a contract and add it to a design. */
function contractGivenAsDesign(path: string): string {
  return `this is an ODCS data contract, not a mesh design: check it with '${PROGRAM} validate ${path}', add it to a design with '${PROGRAM} import ${path} --into <file.mesh.json>'`;
}
