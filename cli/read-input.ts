import { parseMeshFile } from '../shared/contracts';
import { fileErrorReason } from '../shared/files/file-error-reason';
import { formatProblem, type Mesh } from '../shared/model';
import type { CliIo } from './cli-io';

/** A file's text, or why it cannot be read (`cannot read: no such file`), never a stack trace. */
export async function readInput(
  io: CliIo,
  path: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: await io.readText(path) };
  } catch (error) {
    return { ok: false, message: `cannot read: ${fileErrorReason(error, path)}` };
  }
}

/** A design read and checked, or every problem as a line to print. */
export async function readMesh(
  io: CliIo,
  path: string,
): Promise<{ ok: true; mesh: Mesh } | { ok: false; lines: string[] }> {
  const input = await readInput(io, path);
  if (!input.ok) return { ok: false, lines: [`${path}: ${input.message}`] };
  const parsed = parseMeshFile(input.text);
  if (!parsed.ok) return { ok: false, lines: parsed.errors.map((problem) => `${path}: ${formatProblem(problem)}`) };
  return { ok: true, mesh: parsed.value };
}
