import type { ImportedFile } from '../../shared/contracts/import';
import { STATABLE_FACTS } from '../../shared/contracts/import/imported-schema';
import type { ImportRefusal } from '../../shared/export';
import type { Contract } from '../../shared/model';
import { currentMesh } from '../store/document-store';
import { applyImport } from './import/import-contract-files';
import { planImport } from './import/planned-import';
import { useContractFiles } from './opened-contract-files';

/**
 * A contract opened from a file with problems, now fixed, joins the design as an opened file
 * does, unless the design would then no longer export (a table its product already serves):
 * then it stays out, and the refusal says why.
 */
export function addOpenedContract(contract: Contract): ImportRefusal | null {
  const file = useContractFiles.getState().fileById[contract.id];
  const mesh = currentMesh();
  if (!file || !mesh) return null;
  const opened: ImportedFile = {
    ok: true,
    file: file.name,
    format: 'odcs',
    contract,
    statedFacts: STATABLE_FACTS,
    notes: [],
    findings: [],
  };
  const { refusal } = planImport(mesh, [opened], {});
  if (refusal) return refusal;
  // Its file is linked already, since it opened as a draft.
  applyImport([opened], {}, { verb: 'Opened' });
  return null;
}
