/** Exports: deployable manifests and documents made from the mesh, one module per target. */
export { assembleBundle, type BundleStep, bundleSteps, exportBundle, INDEX_FILE } from './export-bundle';
export { describeScope, type ExportScope, elementsInScope, type ScopedElements, WHOLE_MESH } from './export-scope';
export type { ExportFile, ExportOptions, ExportTarget } from './export-target';
export { EXPORT_TARGETS, exportTarget } from './export-targets';
export { checkBundlePaths, createFileNamer, fileSlug, MAX_FILE_NAME_LENGTH, unsafePathReason } from './file-names';
export { toYamlDocuments, toYamlText } from './yaml-text';
