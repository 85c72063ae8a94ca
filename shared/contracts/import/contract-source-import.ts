import type { Contract } from '../../model/contract';
import { scanJsonStructure } from '../../model/json-structure';
import { MAX_NESTING_DEPTH } from '../../model/mesh-file-format';
import { withAllowedValuesAsEnums } from '../contract-edits';
import { contractFromModel } from '../contract-text';
import type { LocatedFinding } from '../finding';
import { contractFileRefusal } from '../import-contracts';
import { hasNativeEnum } from '../odcs-document';
import { parseOdcsYaml } from '../odcs-yaml';
import { checkContractYaml } from '../semantic-checks';
import { byPosition } from '../text-range';
import { DOCUMENT_START, type LocatedProblem, type LocatedResult } from '../yaml-source';
import { importAvro } from './avro-import';
import { contractFileFormat } from './contract-file-format';
import {
  type ImportFormat,
  type ImportNote,
  importedContract,
  isStackOverflow,
  rangeAt,
  type SchemaImport,
  STATABLE_FACTS,
  type StatableFact,
} from './imported-schema';
import { importJsonSchema } from './json-schema-import';
import { importMermaidEr } from './mermaid-er-import';
import { importProtobuf } from './protobuf-import';
import { findingsInSource } from './source-findings';
import { importSqlDdl } from './sql-ddl-import';

export type ImportedFile =
  | {
      ok: true;
      file: string;
      format: ImportFormat | 'odcs';
      contract: Contract;
      /** The property facts the source states, so that the next version of a contract takes them (an ODCS file states all). */
      statedFacts: readonly StatableFact[];
      /** What the source had that ODCS could not say exactly, each where it is in the source. */
      notes: ImportNote[];
      /** What the semantic checks say about the new contract (no key, no event time, bounds that leave no value, ...), where the source says it. */
      findings: LocatedFinding[];
    }
  | { ok: false; file: string; format: ImportFormat | 'odcs'; errors: LocatedProblem[] };

const IMPORTABLE = /\.(ya?ml|sql|ddl|avsc|json|proto|mmd|mermaid)$/i;

/** Whether a file's name says it is something `importContractSource` reads. */
export function isImportableFile(name: string): boolean {
  return IMPORTABLE.test(name);
}

/**
 * The one entry for importing a file as a contract, for the app and the CLI: ODCS YAML as
 * it is, or a contract made from SQL DDL (`.sql`, `.ddl`), an Avro schema (`.avsc`, or JSON
 * with `"type": "record"`), a JSON Schema (other `.json`), Protobuf (`.proto`) or a Mermaid
 * erDiagram (`.mmd`). Never
 * throws: a file that cannot be read is a located problem.
 */
export function importContractSource(fileName: string, text: string): ImportedFile {
  const { format, refusal: notAContract } = contractFileFormat(fileName, text);
  const refusal = contractFileRefusal(text) ?? notAContract;
  if (refusal) {
    return { ok: false, file: fileName, format, errors: [{ path: '(file)', message: refusal, ...DOCUMENT_START }] };
  }
  if (format === 'odcs') {
    const parsed = parseOdcsYaml(text);
    if (!parsed.ok) return { ok: false, file: fileName, format, errors: parsed.errors };
    return {
      ok: true,
      file: fileName,
      format,
      contract: parsed.value,
      statedFacts: STATABLE_FACTS,
      notes: [],
      findings: checkContractYaml(text),
    };
  }
  // The parsers recurse: JSON nested thousands deep would overflow the stack, or worse, in them.
  const isJson = format === 'avro' || format === 'json-schema';
  const tooDeep = isJson ? scanJsonStructure(text, MAX_NESTING_DEPTH).tooDeep : undefined;
  if (tooDeep) {
    const message = `nested too deeply: more than ${MAX_NESTING_DEPTH} levels of objects and lists, where schemas nest far less`;
    return {
      ok: false,
      file: fileName,
      format,
      errors: [{ path: '(file)', message, ...rangeAt(text, tooDeep.offset, 1) }],
    };
  }
  try {
    const read = readSchema(format, fileName, text);
    if (!read.ok) return { ok: false, file: fileName, format, errors: read.errors };
    const made = inItsVersionsEnumForm(contractFromModel(importedContract(fileName, read)));
    if (!made.ok) return { ok: false, file: fileName, format, errors: made.errors };
    return {
      ok: true,
      file: fileName,
      format,
      contract: made.value,
      statedFacts: read.statedFacts,
      notes: oncePerPlace(read.notes),
      findings: findingsInSource(checkContractYaml(made.value.odcs), made.value.odcs, format, text),
    };
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const message = 'nested too deeply: reading it overflowed the stack, where schemas nest far less';
    return { ok: false, file: fileName, format, errors: [{ path: '(file)', message, ...DOCUMENT_START }] };
  }
}

/**
 * An ODCS 3.2 contract writes allowed values as `enum` at every depth: the model holds a
 * nested property's values as an `invalidValues` rule, as 3.1 writes them.
 */
function inItsVersionsEnumForm(made: LocatedResult<Contract>): LocatedResult<Contract> {
  if (!made.ok || !hasNativeEnum(made.value.apiVersion)) return made;
  const text = withAllowedValuesAsEnums(made.value.odcs);
  return text === made.value.odcs ? made : parseOdcsYaml(text);
}

/**
 * The notes in the order of the source, each said once: a type used in several places (a Protobuf
 * message both top-level and a field's type) is read, and its notes made, in each.
 */
function oncePerPlace(notes: ImportNote[]): ImportNote[] {
  const seen = new Set<string>();
  return notes
    .filter((note) => {
      const key = JSON.stringify([note.line, note.column, note.path, note.message]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .toSorted(byPosition);
}

function readSchema(format: ImportFormat, fileName: string, text: string): SchemaImport {
  switch (format) {
    case 'sql':
      return importSqlDdl(text);
    case 'avro':
      return importAvro(text);
    case 'json-schema':
      return importJsonSchema(text, fileName);
    case 'protobuf':
      return importProtobuf(text);
    case 'mermaid-er':
      return importMermaidEr(text);
  }
}
