import { servedContracts } from '../contracts/withdrawn-contracts';
import type { MeshGraph } from '../lineage/mesh-graph';
import type { DataProduct } from '../model/data-product';
import { type ElementFileExtension, type FileSubject, fileNameClashMessage, stemsInFolder } from '../model/file-stems';
import type { Mesh } from '../model/mesh';
import type { RuleFinding } from './finding';
import { contractPlace, type Place, productPlace } from './places';

type ElementFile = [folder: string, extension: ElementFileExtension];

/** The folders and extensions of the files exports name after a product: its SQL only when it serves a contract. */
function productFiles(mesh: Mesh): (product: DataProduct) => ElementFile[] {
  const contractsById = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  return (product) => [
    ['odps', '.odps.yaml'],
    ...(servedContracts(contractsById, product).length > 0 ? [['sql', '.sql'] satisfies ElementFile] : []),
  ];
}
const contractFiles = (): ElementFile[] => [['odcs', '.odcs.yaml']];

/**
 * Products, and contracts, whose names slug alike: the export names each one's files after its
 * id instead, and says so; this says it before, at the first of them, in the export's words.
 */
export function fileNameClashFindings(mesh: Mesh, graph: MeshGraph): RuleFinding[] {
  return [
    ...clashFindings(mesh.products, productFiles(mesh), (product) => productPlace(graph, product)),
    ...clashFindings(mesh.contracts, contractFiles, (contract) => contractPlace(graph, contract)),
  ];
}

function clashFindings<Subject extends FileSubject>(
  subjects: readonly Subject[],
  filesOf: (subject: Subject) => readonly ElementFile[],
  placeOf: (subject: Subject) => Place,
): RuleFinding[] {
  const { stems, clashes } = stemsInFolder(subjects);
  return clashes.map((clash) => {
    const [first, ...others] = clash.subjects.map(placeOf);
    const paths = clash.subjects.flatMap((subject) =>
      filesOf(subject).map(([folder, extension]) => `${folder}/${stems.get(subject.id)}${extension}`),
    );
    return {
      ...(first as Place),
      related: others.map((place) => place.element),
      message: fileNameClashMessage(clash, paths),
      fixHint:
        'Rename one of them so that their names differ in letters or digits, not only in case, accents or symbols.',
    };
  });
}
