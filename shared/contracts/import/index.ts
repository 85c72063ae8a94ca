/**
 * Contracts from the schemas teams already have: SQL DDL, Avro, JSON Schema, Protobuf and
 * ODCS itself. Kept out of shared/contracts' index: the parsers are large, and the app
 * loads them only when something is imported.
 */
export { type ImportedFile, importContractSource, isImportableFile } from './contract-source-import';
export {
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportNote,
  STATABLE_FACTS,
  type StatableFact,
} from './imported-schema';
