import type { z } from 'zod';
import type { Contract } from './contract';
import type { ContractTextCodec } from './contract-text-codec';
import { checkIntegrity } from './integrity';
import { checkJsonStructure } from './json-structure';
import { type Mesh, type MeshFile, MeshFileSchema } from './mesh';
import { diagnoseInvalidJson, isOdcsContractDocument, ODCS_CONTRACT_GIVEN_AS_DESIGN } from './mesh-file-diagnosis';
import { decodeMeshFileBytes, formatMebibytes, MAX_MESH_FILE_BYTES, MAX_NESTING_DEPTH } from './mesh-file-format';
import { migrateToCurrent } from './migrations';
import { withOmittedEmptyFields } from './omitted-empty-fields';
import { formatPath, formatPlacedProblem, formatProblem, type Problem, type Result } from './problem';
import { withoutRefusedParts } from './refused-parts';
import { schemaProblems } from './schema-issue-text';
import { utf8ByteLength } from './text-encoding';
import { counted } from './word-list';

const MAX_REPORTED_PROBLEMS = 50;
const BYTE_ORDER_MARK = '\uFEFF';

function tooLarge(bytes: number): Problem {
  return {
    path: '(document)',
    message: `the design is ${formatMebibytes(bytes)} as a file, and mesh files are at most ${formatMebibytes(MAX_MESH_FILE_BYTES)}`,
  };
}

/*
 * Contracts are stored as their ODCS text; `contracts` reads them into the model (the model
 * layer does not read ODCS): shared/contracts' `parseMeshFile` and friends supply it.
 */

/** Parses a `.mesh.json` file's bytes: refuses what is not UTF-8 (see decodeMeshFileBytes), then parses the text. */
export function parseMeshFileBytesWith(contracts: ContractTextCodec, bytes: Uint8Array): Result<Mesh> {
  const text = decodeMeshFileBytes(bytes);
  return text.ok ? parseMeshFileWith(contracts, text.value) : text;
}

/** A design read from its file, and the format (`schemaVersion`) the file was written in: an older one is migrated on read. */
export interface ReadMeshFile {
  mesh: Mesh;
  fileFormat: number;
}

const meshOf = (read: Result<ReadMeshFile>): Result<Mesh> => (read.ok ? { ok: true, value: read.value.mesh } : read);

/** Parses a `.mesh.json` text. Never throws: every failure is a located problem. */
export function parseMeshFileWith(contracts: ContractTextCodec, text: string): Result<Mesh> {
  return meshOf(readMeshFileWith(contracts, text));
}

/** Reads a `.mesh.json` text, and which format it is in. Never throws: every failure is a located problem. */
export function readMeshFileWith(contracts: ContractTextCodec, text: string): Result<ReadMeshFile> {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_MESH_FILE_BYTES) return failure(tooLarge(bytes));
  const json = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  let parsedJson: unknown;
  try {
    // V8's JSON.parse does not recurse, so deep nesting is safe here; it is refused just after.
    parsedJson = JSON.parse(json);
  } catch (error) {
    return failure(diagnoseInvalidJson(json, error as Error));
  }
  const structureProblems = checkJsonStructure(json);
  if (structureProblems.length > 0) return { ok: false, errors: structureProblems };
  return readMeshDocumentWith(contracts, parsedJson);
}

/** Validates an already-parsed JSON value as a mesh document, migrating older versions. */
export function parseMeshDocumentWith(contracts: ContractTextCodec, json: unknown): Result<Mesh> {
  return meshOf(readMeshDocumentWith(contracts, json));
}

/** Validates an already-parsed JSON value as a mesh document, migrating older versions, and says which version it was. */
function readMeshDocumentWith(contracts: ContractTextCodec, json: unknown): Result<ReadMeshFile> {
  if (isOdcsContractDocument(json)) return failure(ODCS_CONTRACT_GIVEN_AS_DESIGN);
  const migrated = migrateToCurrent(json, contracts);
  if (!migrated.ok) return migrated;
  const document = withOmittedEmptyFields(migrated.value);
  const parsed = MeshFileSchema.safeParse(document);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const formatProblems = schemaProblems(issues, document, MeshFileSchema);
    return {
      ok: false,
      errors: capped([...formatProblems, ...problemsBesideRefusedParts(contracts, document, issues)]),
    };
  }
  const read = readContractTexts(contracts, contractTextsOf(parsed.data));
  if (!read.ok) return { ok: false, errors: capped(problemsBesideRefusedParts(contracts, document, [])) };
  const mesh: Mesh = { ...parsed.data, contracts: read.value };
  const integrityProblems = checkIntegrity(mesh);
  if (integrityProblems.length > 0) return { ok: false, errors: capped(integrityProblems) };
  return { ok: true, value: { mesh, fileFormat: migrated.fileFormat } };
}

/** The first MAX_REPORTED_PROBLEMS problems, then how many more there are, so a long list still says how long it is. */
function capped(problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return [...problems];
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    {
      path: '(document)',
      message: `and ${counted(more, 'more problem')}, not listed here (${problems.length} in all)`,
      unlisted: more,
    },
  ];
}

/**
 * What else is wrong with a design the schema refuses only in parts references can do without
 * (some of its elements, layout entries, its own fields), so that one round of fixes mends all:
 * the contract texts that do not read, and the broken references of the rest, checked as a
 * design is without those parts and without those contracts.
 */
function problemsBesideRefusedParts(
  contracts: ContractTextCodec,
  document: unknown,
  issues: readonly z.core.$ZodIssue[],
): Problem[] {
  const unreadable = unreadableContracts(contracts, document, issues);
  const textProblems = [...unreadable.values()].flat();
  const design = withoutRefusedParts(document, issues, {
    unreadable: new Set(unreadable.keys()),
    idOf: (entry) => contracts.declaredId(contractTextOf(entry) ?? ''),
  });
  const parsed = design && MeshFileSchema.safeParse(design.rest);
  if (!design || !parsed?.success) return textProblems;
  const read = readContractTexts(contracts, contractTextsOf(parsed.data));
  if (!read.ok) return textProblems;
  return [...textProblems, ...checkIntegrity({ ...parsed.data, contracts: read.value }).flatMap(design.asInTheFile)];
}

/** The contract entries the schema takes whose text does not read as a contract, by index, with their problems. */
function unreadableContracts(
  codec: ContractTextCodec,
  document: unknown,
  issues: readonly z.core.$ZodIssue[],
): Map<number, Problem[]> {
  const entries = (document as { contracts?: unknown } | null)?.contracts;
  const unreadable = new Map<number, Problem[]>();
  if (!Array.isArray(entries) || issues.some((issue) => isWholeContractList(issue.path))) return unreadable;
  const refusedBySchema = new Set(issues.flatMap(({ path: [list, index] }) => (list === 'contracts' ? [index] : [])));
  entries.forEach((entry, index) => {
    const text = contractTextOf(entry);
    if (text === undefined || refusedBySchema.has(index)) return;
    const problems = contractTextProblems(codec, text, index);
    if (problems.length > 0) unreadable.set(index, problems);
  });
  return unreadable;
}

const isWholeContractList = (path: readonly PropertyKey[]) => path[0] === 'contracts' && path.length === 1;

/** A contract entry's ODCS text, when it is stored as the file format stores it (its lines). */
function contractTextOf(entry: unknown): string | undefined {
  const lines = (entry as { odcs?: unknown } | null)?.odcs;
  return Array.isArray(lines) && lines.every((line) => typeof line === 'string') ? lines.join('\n') : undefined;
}

const contractTextsOf = (file: MeshFile) => file.contracts.map((entry) => entry.odcs.join('\n'));

/** Reads each contract from its ODCS text, the one source of what it says; a problem is at `contracts[i].odcs`, with its line in the text. */
export function readContractTexts(codec: ContractTextCodec, texts: readonly string[]): Result<Contract[]> {
  const errors: Problem[] = [];
  const contracts = texts.flatMap((text, index) => {
    const read = codec.read(text);
    if (read.ok) return [read.value];
    errors.push(...placedContractProblems(read.errors, index));
    return [];
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: contracts };
}

/** What keeps the text of `contracts[index]` from reading as a contract, at its place in the text; none when it reads. */
function contractTextProblems(codec: ContractTextCodec, text: string, index: number): Problem[] {
  const read = codec.read(text);
  return read.ok ? [] : placedContractProblems(read.errors, index);
}

function placedContractProblems(errors: readonly Problem[], index: number): Problem[] {
  return errors.map(({ contractText, ...problem }) => ({
    path: formatPath(['contracts', index, 'odcs']),
    message: contractText ? formatPlacedProblem(contractText, problem) : formatProblem(problem),
    ...(contractText && { contractText }),
  }));
}

/**
 * Pretty-printed JSON with a stable key order (schemaVersion, id, name first, then
 * alphabetical), so saving an unchanged document gives the same bytes and diffs stay small.
 * Throws on a document the file format would refuse; saving goes through `serializeMeshFile`.
 */
export function serializeMesh(mesh: Mesh): string {
  const file: MeshFile = {
    ...mesh,
    contracts: mesh.contracts.map((contract) => ({ odcs: contract.odcs.split('\n') })),
  };
  return `${JSON.stringify(withStableKeys(file, null), null, 2)}\n`;
}

/** The file text of a document, or why it could not be reopened if it were written (too large, too deep). */
export function serializeMeshFile(mesh: Mesh): Result<string> {
  let text: string;
  try {
    text = serializeMesh(mesh);
  } catch (error) {
    if (error instanceof TooDeepError) {
      return failure({ path: error.path, message: `nested more than ${MAX_NESTING_DEPTH} levels deep` });
    }
    throw error;
  }
  const bytes = utf8ByteLength(text);
  return bytes > MAX_MESH_FILE_BYTES ? failure(tooLarge(bytes)) : { ok: true, value: text };
}

class TooDeepError extends Error {
  constructor(readonly path: string) {
    super(`nested more than ${MAX_NESTING_DEPTH} levels at ${path}`);
  }
}

const LEADING_KEYS = ['schemaVersion', 'id', 'name'];

function keyRank(key: string): number {
  const rank = LEADING_KEYS.indexOf(key);
  return rank === -1 ? LEADING_KEYS.length : rank;
}

function compareKeys(a: string, b: string): number {
  return keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where a value sits, as a chain to its parent, so the path is only spelled out for an error. */
interface PathLink {
  parent: PathLink | null;
  segment: string | number;
  depth: number;
}

function segmentsOf(link: PathLink | null): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let current = link; current; current = current.parent) segments.unshift(current.segment);
  return segments;
}

function withStableKeys(value: unknown, path: PathLink | null): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const depth = path?.depth ?? 0;
  // The document object is level 1, as the parser counts.
  if (depth >= MAX_NESTING_DEPTH) throw new TooDeepError(formatPath(segmentsOf(path)));
  const child = (segment: string | number): PathLink => ({ parent: path, segment, depth: depth + 1 });
  if (Array.isArray(value)) return value.map((item, index) => withStableKeys(item, child(index)));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = withStableKeys(item, child(key));
  }
  return sorted;
}

function failure(problem: Problem): Result<never> {
  return { ok: false, errors: [problem] };
}
