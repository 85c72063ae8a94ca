/** Exports: deployable manifests and documents made from the mesh, one module per target. */

export { backstageReferencesOutsideScope } from './backstage/references-outside-scope';
export { type BundleFolder, bundleTree, filesInTreeOrder } from './bundle-tree';
export {
  type DiagramPictures,
  type DrawDiagram,
  type DrawnPng,
  PICTURE_FORMATS,
  type PictureFormat,
} from './diagram-pictures';
export { type BundleProgress, type BundleSteps, exportBundle, exportBundleInSteps, INDEX_FILE } from './export-bundle';
export { EXPORT_REFUSAL_ID, exportRefusalFindings } from './export-refusal-findings';
export {
  exportRefusals,
  type ImportRefusal,
  importRefusal,
  type RuleError,
  ruleErrorsOf,
} from './export-refusals';
export { describeScope, type ExportScope, elementsInScope, type ScopedElements, WHOLE_MESH } from './export-scope';
export {
  defineTarget,
  type ExportFile,
  type ExportOptions,
  type ExportProblem,
  type ExportResult,
  type ExportTarget,
  type TargetContext,
} from './export-target';
export { EXPORT_TARGETS, exportTarget } from './export-targets';
export type { ExportWarning, ExportWarningKind } from './export-warning';
export {
  checkBundlePaths,
  createFileNamer,
  designFileStem,
  fileSlug,
  MAX_FILE_NAME_LENGTH,
  unsafePathReason,
} from './file-names';
export { v30ContractsNote } from './odcs/v30-contracts-note';
export { overwriteQuestion } from './overwrite-question';
export {
  type DrawnPngSize,
  MAX_PNG_SIDE,
  type PictureSize,
  pngPixelRatio,
  pngPixelSize,
  pngSizeText,
} from './png-pixel-ratio';
export { toYamlDocuments, toYamlText } from './yaml-text';
