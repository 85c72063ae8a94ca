/** What the export benchmark bundles, as `mesh-designer export` has it: the file reader and the exporters in one bundle. */
export { parseMeshFile } from '../../shared/contracts';
export { EXPORT_TARGETS, exportBundle, WHOLE_MESH } from '../../shared/export';
