import {
  asNextVersion,
  attachContracts,
  type ConflictPolicy,
  type ContractAttachment,
  type ImportDecision,
  isImported,
  resolveContractConflicts,
  servePastedFrom,
} from '../../../shared/contracts';
import type { ImportedFile } from '../../../shared/contracts/import';
import { contractIdsOf } from '../../../shared/editing/mesh-index';
import { type ImportRefusal, importRefusal } from '../../../shared/export';
import { type Contract, counted, type Mesh } from '../../../shared/model';
import type { ImportChoice, PastedOn } from './import-plan-store';

export type ReadableFile = Extract<ImportedFile, { ok: true }>;

/** A file imported as the next version of a contract of the design. */
export interface ImportedVersion {
  file: string;
  contract: Contract;
  /** `orders.sql: Order 1.0.0 → 2.0.0, 1 breaking change` */
  message: string;
}

/** What an import would do to the design as the user chose, worked out before anything changes. */
export interface PlannedImport {
  /** The design with the new versions and the new contracts; the design itself when nothing is imported. */
  mesh: Mesh;
  versions: ImportedVersion[];
  /** What happens to each file imported as a new contract (added, renamed, skipped, …). */
  decisions: ImportDecision[];
  attachments: ContractAttachment[];
  /** Where each file imported as a new contract is served, by file. */
  attachmentOfFile: ReadonlyMap<string, ContractAttachment>;
  /** Files the user chose to skip. */
  skippedFiles: ReadableFile[];
  /** Files that cannot become the version they were chosen for. */
  problems: string[];
  /** Why none of it may be imported, as the CLI refuses it (see importRefusal); null when it may go ahead. */
  refusal: ImportRefusal | null;
}

/**
 * What the import dialog opens with: an ODCS file whose id a contract of the design has is that
 * contract's next version (it is the same contract, written again), when it can be, unless it was
 * pasted over a product that does not serve that contract (the user meant one for that product);
 * any other file is a new contract, under a new id if its id is taken.
 */
export function initialChoices(
  mesh: Mesh,
  files: readonly ImportedFile[],
  pastedOn?: PastedOn,
): Record<string, ImportChoice> {
  const pastedOver = mesh.products.find((product) => product.id === pastedOn?.productId);
  const isVersionable = (contractId: string) => !pastedOver || contractIdsOf(pastedOver).includes(contractId);
  const versioned = new Set<string>();
  return Object.fromEntries(
    files.map((file) => {
      const existing =
        file.ok &&
        file.format === 'odcs' &&
        mesh.contracts.find(({ id }) => id === file.contract.id && isVersionable(id));
      // Two files with one id cannot both be its next version: the first is.
      const isNextVersion = existing && !versioned.has(existing.id) && asNextVersion(existing, file).ok;
      if (isNextVersion) versioned.add(existing.id);
      const choice: ImportChoice = { target: isNextVersion ? existing.id : 'new', onConflict: 'rename' };
      return [file.file, choice];
    }),
  );
}

/** A file no choice was made for is a new contract, skipped when its id is taken. */
const choiceOf = (choices: Readonly<Record<string, ImportChoice>>, file: string): ImportChoice =>
  choices[file] ?? { target: 'new', onConflict: 'skip' };

/**
 * The import of `files` into `mesh` as `choices` say: what it would add, version and skip, or why
 * it is refused. A new contract pasted over a product (`pastedOn`) that names none is served from it.
 */
export function planImport(
  mesh: Mesh,
  files: readonly ImportedFile[],
  choices: Readonly<Record<string, ImportChoice>>,
  pastedOn?: PastedOn,
): PlannedImport {
  const readable = files.filter((file): file is ReadableFile => file.ok);
  const targetOf = (file: ReadableFile) => choiceOf(choices, file.file).target;
  const versions: ImportedVersion[] = [];
  const problems: string[] = [];
  for (const file of readable) {
    const target = targetOf(file);
    if (target === 'new' || target === 'skip') continue;
    const existing = mesh.contracts.find((contract) => contract.id === target);
    const next = existing && asNextVersion(existing, file);
    if (next?.ok) {
      const breaking = next.comparison.changes.filter((change) => change.isBreaking).length;
      versions.push({
        file: file.file,
        contract: next.contract,
        message: `${file.file}: ${existing?.name} ${existing?.version} → ${next.contract.version}, ${counted(breaking, 'breaking change')}`,
      });
    } else
      problems.push(`${file.file}: cannot become a version of '${target}': ${next?.message ?? 'no such contract'}`);
  }
  const decisions = resolveContractConflicts(
    mesh.contracts,
    readable.filter((file) => targetOf(file) === 'new').map((file) => ({ file: file.file, contract: file.contract })),
    (file) => choiceOf(choices, file).onConflict as ConflictPolicy,
  );
  const added = decisions.filter(isImported);
  const withVersions: Mesh = {
    ...mesh,
    contracts: mesh.contracts.map(
      (contract) => versions.find((version) => version.contract.id === contract.id)?.contract ?? contract,
    ),
  };
  const newPortFor = new Set(
    added.filter((decision) => choiceOf(choices, decision.file).isNewPort).map((decision) => decision.contract.id),
  );
  const attachedByName = attachContracts(
    withVersions,
    added.map((decision) => decision.contract),
    { newPortFor },
  );
  const attached = pastedOn?.productId
    ? servePastedFrom(attachedByName.mesh, attachedByName.attachments, pastedOn.productId)
    : attachedByName;
  const isChanging = added.length > 0 || versions.length > 0;
  return {
    mesh: isChanging ? attached.mesh : mesh,
    versions,
    decisions,
    attachments: attached.attachments,
    attachmentOfFile: new Map(
      added.map((decision, index) => [decision.file, attached.attachments[index] as ContractAttachment]),
    ),
    skippedFiles: readable.filter((file) => targetOf(file) === 'skip'),
    problems,
    refusal: isChanging ? importRefusal(mesh, attached.mesh) : null,
  };
}
