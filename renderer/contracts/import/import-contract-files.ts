import { formatLocatedProblem, isContractServed, isImported } from '../../../shared/contracts';
import type { ImportedFile } from '../../../shared/contracts/import';
import { nextVersionCandidates } from '../../../shared/contracts/next-version-candidates';
import { nextChildPosition, nextDomainPosition } from '../../../shared/editing/node-placement';
import { CONTRACT_SOURCE_FILES, counted, formatProblem, isMeshFileName, type Mesh } from '../../../shared/model';
import { distinctNodeName } from '../../../shared/model/distinct-node-name';
import { type OpenedFile, UnreadableFileError } from '../../host/host';
import { readFileText } from '../../host/read-file-text';
import { changeMesh, currentMesh, useDocumentStore } from '../../store/document-store';
import { announceEdit, type Notice, useNoticeStore } from '../../store/notice-store';
import { useContractTabs } from '../contract-tabs-store';
import { useContractFiles } from '../opened-contract-files';
import { IMPORTED, type ImportChoice, type ImportOrigin, type PastedOn, useImportPlan } from './import-plan-store';
import { initialChoices, type PlannedImport, planImport, type ReadableFile } from './planned-import';

/** The extensions of the files the import button and a drop take: ODCS YAML and the schema formats it converts. */
export const CONTRACT_FILE_EXTENSIONS = ['.yaml', '.yml', '.sql', '.ddl', '.avsc', '.json', '.proto'] as const;

/** A file the import button and a drop take (not a design). */
export function isContractFile(name: string): boolean {
  const lowerCase = name.toLowerCase();
  return CONTRACT_FILE_EXTENSIONS.some((extension) => lowerCase.endsWith(extension)) && !isMeshFileName(name);
}

/**
 * Imports files picked with Import… or dropped on the window, read by the byte rules of the CLI
 * and Open contract… (UTF-8, or UTF-16 with a byte order mark).
 */
export function importContracts(files: readonly File[]): Promise<void> {
  return importReadFiles(() =>
    Promise.all(
      files.map(async (file) => ({ name: file.name, text: await readFileText(file, CONTRACT_SOURCE_FILES) })),
    ),
  );
}

/**
 * Imports the files `read` returns (null: the user cancelled). A file it cannot read (another
 * encoding, binary, too large) is named with why, and none of the files is imported.
 */
export async function importReadFiles(read: () => Promise<{ name: string; text: string }[] | null>): Promise<void> {
  let texts: { name: string; text: string }[] | null;
  try {
    texts = await read();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    useNoticeStore.getState().show({
      tone: 'error',
      text: `Could not import ${error.fileName}: ${error.message}. Nothing was changed.`,
    });
    return;
  }
  if (texts) await importContractTexts(texts);
}

/**
 * Reads each file (the importers load on first use, they are large), then imports at once
 * when there is nothing to decide, or opens the import dialog: a file whose id or table a
 * contract of the design has may be its next version, ids taken by the design or by an earlier
 * file must be skipped, renamed or replaced, never silently merged, and a contract its product
 * would serve from a port that has none yet may be served from a new port instead. Text pasted on
 * the canvas says where (`pastedOn`). Returns the ids imported at once.
 */
export async function importContractTexts(
  texts: readonly { name: string; text: string }[],
  origin: ImportOrigin = IMPORTED,
  pastedOn?: PastedOn,
): Promise<string[]> {
  const { importContractSource } = await import('../../../shared/contracts/import');
  const files = texts.map((file) => importContractSource(file.name, file.text));
  const mesh = currentMesh();
  if (!mesh) return [];
  const readable = files.filter((file): file is ReadableFile => file.ok);
  const meshIds = new Set(mesh.contracts.map((contract) => contract.id));
  const ids = readable.map((file) => file.contract.id);
  const hasConflicts = ids.some((id, index) => meshIds.has(id) || ids.indexOf(id) !== index);
  // A port without a contract would serve an imported one: the dialog says which, and offers a
  // new port instead. A contract file opened to be edited goes there without asking, as the status line says.
  const fillsFreePort = () =>
    planImport(mesh, files, {}, pastedOn).attachments.some((attachment) => attachment.freePort);
  const needsDecisions =
    hasConflicts ||
    readable.some((file) => nextVersionCandidates(mesh.contracts, file.contract).length > 0) ||
    (origin.verb === 'Imported' && fillsFreePort());
  if (needsDecisions) {
    useImportPlan.getState().open(files, initialChoices(mesh, files, pastedOn), origin, pastedOn);
    return [];
  }
  return applyImport(files, {}, origin, pastedOn);
}

/** Imports what the import dialog's choices say, as its Import button does, and closes it. */
export function confirmImport(): string[] {
  const { files, choices, origin, pastedOn } = useImportPlan.getState();
  useImportPlan.getState().close();
  return files ? applyImport(files, choices, origin, pastedOn) : [];
}

/**
 * Imports what the choices say, as one undo step, and reports every file, in the words of its
 * origin. A contract pasted over a product that no port serves is served from a new port of it in
 * the same step; a contract file opened to be edited is linked to its file, for Save.
 */
export function applyImport(
  files: readonly ImportedFile[],
  choices: Readonly<Record<string, ImportChoice>>,
  origin: ImportOrigin = IMPORTED,
  pastedOn?: PastedOn,
): string[] {
  const mesh = currentMesh();
  if (!mesh) return [];
  const { verb } = origin;
  const plan = planImport(mesh, files, choices, pastedOn);
  const { versions, decisions, refusal } = plan;
  if (refusal) {
    useNoticeStore.getState().show({
      tone: 'error',
      text: `${verb} 0 of ${counted(files.length, 'contract file')}: ${refusal.reason}. Nothing was changed.`,
      details: refusal.problems.map(formatProblem),
    });
    return [];
  }
  const added = decisions.filter(isImported);
  const isChanged = plan.mesh !== mesh;
  if (isChanged) changeMesh(() => placeNewNodes(mesh, plan.mesh));
  const opened = [...added.map((decision) => decision.contract.id), ...versions.map((version) => version.contract.id)];
  if (origin.verb === 'Opened' && origin.file && opened[0]) linkOpenedFile(opened[0], origin.file, mesh, plan.mesh);
  if (opened[0]) useContractTabs.getState().openContract(opened[0]);

  const skipped = decisions
    .filter((decision) => !isImported(decision))
    .map((decision) => `${decision.file}: skipped (id '${decision.contract.id}' is taken)`);
  const renamed = decisions.flatMap((decision) => [
    ...(decision.outcome.kind === 'renamed'
      ? [`${decision.file}: imported as '${decision.contract.id}' (its id was taken)`]
      : []),
    ...(decision.renamedFrom === undefined
      ? []
      : [
          `${decision.file}: named '${decision.contract.name}' (a contract is already called '${decision.renamedFrom}')`,
        ]),
  ]);
  const failures = files.flatMap((file) =>
    file.ok ? [] : file.errors.map((error) => `${file.file} ${formatLocatedProblem(error)}`),
  );
  const notes = files.flatMap((file) =>
    file.ok ? file.notes.map((note) => `${file.file} ${formatLocatedProblem(note)}`) : [],
  );
  const userSkipped = plan.skippedFiles.map((file) => `${file.file}: skipped`);
  const tone: Notice['tone'] = failures.length + plan.problems.length > 0 ? 'error' : 'info';
  const text = [
    `${verb} ${added.length + versions.length} of ${counted(files.length, 'contract file')}.`,
    ...(pastedOn ? pastedServing(plan, pastedOn.productId) : []),
  ].join(' ');
  const details = [
    ...plan.attachments.map((attachment) => attachment.message),
    ...versions.map((version) => version.message),
    ...renamed,
    ...skipped,
    ...userSkipped,
    ...plan.problems,
    ...failures,
    ...notes,
  ];
  // The import's own words name it when it is undone or redone, as the Mermaid import's do.
  if (isChanged) announceEdit(text, { details, tone });
  else useNoticeStore.getState().show({ tone, text, details });
  return opened;
}

/**
 * A contract opened from its file is saved back to it. One new to the design is judged against
 * that file; one that replaced or versioned a contract of the design keeps that contract's
 * baseline, which its consumers hold.
 */
function linkOpenedFile(id: string, opened: OpenedFile, before: Mesh, after: Mesh): void {
  useContractFiles.getState().bind(id, opened.file, opened.text);
  const isNew = !before.contracts.some((contract) => contract.id === id);
  const landed = after.contracts.find((contract) => contract.id === id);
  useDocumentStore.getState().markContractFileOpened(id, isNew ? landed : undefined);
}

/** What the status line says of where contracts pasted on the canvas are served, or how to serve them. */
function pastedServing(plan: PlannedImport, productId: string | undefined): string[] {
  const mesh = currentMesh();
  const product = mesh?.products.find((candidate) => candidate.id === productId);
  const addedIds = plan.attachments.map((attachment) => attachment.contractId);
  if (!mesh) return [];
  if (product && plan.attachments.some((attachment) => attachment.isServedByPaste))
    return [`Served from ${distinctNodeName(mesh, product)} by a new output port.`];
  if (product && plan.versions.length > 0)
    return [`Not served from ${distinctNodeName(mesh, product)}: a next version is served where its contract is.`];
  if (addedIds.length === 0) return [];
  if (addedIds.every((id) => isContractServed(mesh, id))) return [];
  return ['No port serves it yet: paste it over a product, or pick one in “Serve it from…” in its tab.'];
}

/** Domains and products the import created get a place on the canvas, like ones added by hand. */
function placeNewNodes(before: Mesh, after: Mesh): Mesh {
  const existed = new Set([...before.domains, ...before.products].map((node) => node.id));
  let placed = after;
  for (const domain of after.domains.filter((candidate) => !existed.has(candidate.id))) {
    placed = withLayout(placed, domain.id, nextDomainPosition(placed));
  }
  for (const product of after.products.filter((candidate) => !existed.has(candidate.id))) {
    placed = withLayout(placed, product.id, nextChildPosition(placed, product.domainId));
  }
  return placed;
}

function withLayout(mesh: Mesh, nodeId: string, position: { x: number; y: number }): Mesh {
  return { ...mesh, layout: { nodes: { ...mesh.layout.nodes, [nodeId]: position } } };
}
