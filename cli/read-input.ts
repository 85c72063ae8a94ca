import { parseMeshFile } from '../shared/contracts';
import { fileErrorReason } from '../shared/files/file-error-reason';
import { formatProblem, type Mesh } from '../shared/model';
import { isContractGivenAsDesign } from '../shared/model/mesh-file-diagnosis';
import { decodeTextFileBytes, MESH_FILES, type TextFileKind } from '../shared/model/mesh-file-format';
import { type CliIo, PROGRAM } from './cli-io';

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
    return { ok: false, message: `cannot read: ${fileErrorReason(error, path)}` };
  }
  const text = decodeTextFileBytes(bytes, kind);
  if (!text.ok)
    return { ok: false, message: `cannot read: ${text.errors.map((problem) => problem.message).join('; ')}` };
  return { ok: true, text: text.value };
}

/** A design read and checked, or every problem as a line to print. */
export async function readMesh(
  io: CliIo,
  path: string,
): Promise<{ ok: true; mesh: Mesh } | { ok: false; lines: string[] }> {
  const input = await readInput(io, path);
  if (!input.ok) return { ok: false, lines: [`${path}: ${input.message}`] };
  const parsed = parseMeshFile(input.text);
  if (!parsed.ok) {
    if (isContractGivenAsDesign(parsed.errors)) return { ok: false, lines: [contractGivenAsDesign(path)] };
    return { ok: false, lines: parsed.errors.map((problem) => `${path}: ${formatProblem(problem)}`) };
  }
  return { ok: true, mesh: parsed.value };
}

/** The app's advice names its menus: on the command line, the commands that check a contract and add it to a design. */
function contractGivenAsDesign(path: string): string {
  return `${path}: this is an ODCS data contract, not a mesh design: check it with '${PROGRAM} validate ${path}', add it to a design with '${PROGRAM} import ${path} --into <file.mesh.json>'`;
}
