import type { MeshGraph } from '../lineage/mesh-graph';
import { type ElementFileExtension, type FileSubject, fileNameClashMessage, stemsInFolder } from '../model/file-stems';
import type { Mesh } from '../model/mesh';
import type { RuleFinding } from './finding';
import { contractPlace, type Place, productPlace } from './places';

/** The folders and extensions of the files exports name after products and after contracts. */
const PRODUCT_FILES: [string, ElementFileExtension][] = [
  ['odps', '.odps.yaml'],
  ['sql', '.sql'],
];
const CONTRACT_FILES: [string, ElementFileExtension][] = [['odcs', '.odcs.yaml']];

/**
 * Products, and contracts, whose names slug alike: the export names each one's files after its
 * id instead, and says so; this says it before, at the first of them, in the export's words.
 */
export function fileNameClashFindings(mesh: Mesh, graph: MeshGraph): RuleFinding[] {
  return [
    ...clashFindings(mesh.products, PRODUCT_FILES, (product) => productPlace(graph, product)),
    ...clashFindings(mesh.contracts, CONTRACT_FILES, (contract) => contractPlace(graph, contract)),
  ];
}

function clashFindings<Subject extends FileSubject>(
  subjects: readonly Subject[],
  files: readonly [string, ElementFileExtension][],
  placeOf: (subject: Subject) => Place,
): RuleFinding[] {
  const { stems, clashes } = stemsInFolder(subjects);
  return clashes.map((clash) => {
    const [first, ...others] = clash.subjects.map(placeOf);
    const paths = clash.subjects.flatMap((subject) =>
      files.map(([folder, extension]) => `${folder}/${stems.get(subject.id)}${extension}`),
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
