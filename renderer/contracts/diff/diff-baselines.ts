import { parseOdcsYaml } from '../../../shared/contracts';
import type { Contract, Mesh } from '../../../shared/model';
import type { FileRef } from '../../host/host';

/** A text the Diff view can compare a contract with. */
export interface DiffBaseline {
  /** The contract's own file as last read or written, or the design's baseline (see DocumentState.baseline). */
  source: 'file' | 'design';
  label: string;
  /** Empty when there is none yet (a contract the baseline does not hold). */
  text: string;
  /** The baseline read as a contract, to find breaking changes; none when it does not read as one. */
  contract: Contract | undefined;
}

/**
 * What a contract can be compared with, the first one shown by default: the file it was opened
 * from or saved to (what Save overwrites), then the design's baseline, which breaking changes are judged against.
 */
export function diffBaselinesOf(
  contractId: string,
  designBaseline: Mesh | null,
  file: FileRef | undefined,
  fileText: string | undefined,
): DiffBaseline[] {
  const saved = designBaseline?.contracts.find((contract) => contract.id === contractId);
  const design: DiffBaseline = {
    source: 'design',
    label: "the design's baseline",
    text: saved?.odcs ?? '',
    contract: saved,
  };
  if (!file || fileText === undefined) return [design];
  const read = parseOdcsYaml(fileText);
  return [{ source: 'file', label: file.name, text: fileText, contract: read.ok ? read.value : undefined }, design];
}
