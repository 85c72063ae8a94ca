import { toYamlText } from '../export/yaml-text';
import type { Contract, ContractModel } from '../model/contract';
import { contractFromOdcs, contractToOdcs, documentPathOf, isJsonObject, type OdcsDocument } from './odcs-document';
import { validateOdcsDocument } from './odcs-schema';
import { v30LibraryRules, withRulesAsV310 } from './odcs-v30-quality';
import type { PathSegment } from './path-problem';
import { rememberSchemaValid } from './schema-valid-texts';
import { byPosition } from './text-range';
import { type LocatedResult, locateProblem, readYamlSource, type YamlSource } from './yaml-source';

/**
 * A contract the app creates (from another format, or a file of format 1) as ODCS YAML of
 * its `apiVersion`; the output validates against that version's official schema.
 */
export function serializeOdcsYaml(contract: ContractModel): string {
  // Quoted for YAML 1.1 readers too; long lines unfolded and shared objects written in full.
  return toYamlText(contractToOdcs(contract));
}

/**
 * The one validated entry for contract text: what ODCS YAML reads as, with the text kept
 * byte for byte beside it. Never throws: every failure is a located problem.
 */
export function parseOdcsYaml(text: string): LocatedResult<Contract> {
  return parseOdcsSource(readYamlSource(text));
}

/**
 * The same from an already parsed source, for callers that go on to locate their own
 * findings in it. Problems come in three layers, each only when the one before passed:
 * YAML syntax, the official schema of the ODCS version the text declares, then what the
 * model requires beyond it.
 */
export function parseOdcsSource(source: YamlSource): LocatedResult<Contract> {
  if (source.syntaxErrors.length > 0) return { ok: false, errors: source.syntaxErrors };
  if (!isJsonObject(source.value)) {
    return {
      ok: false,
      errors: [locateProblem(source, { path: [], message: 'must be a YAML mapping (an ODCS document)' })],
    };
  }
  const schemaProblems = validateOdcsDocument(source.value);
  if (schemaProblems.length === 0) rememberSchemaValid(source.text);
  const reading =
    schemaProblems.length > 0
      ? { ok: false as const, errors: schemaProblems }
      : contractFromOdcs(asV310Reading(source.value));
  if (reading.ok) return { ok: true, value: { ...reading.value, odcs: source.text } };
  return { ok: false, errors: reading.errors.map((problem) => locateProblem(source, problem)).sort(byPosition) };
}

/** A contract read from a text the ODCS schema refuses. */
export interface ContractDespiteSchemaProblems {
  contract: Contract;
  /** The schema objects (by index) where a logicalType the model does not know was read as none. */
  objectsWithUnknownTypes: ReadonlySet<number>;
}

/**
 * What a text the ODCS schema refuses still reads as, so the checks that need a contract can
 * report beside the schema's problems: each field the model cannot read (a misspelt logicalType
 * `numbr`, an `enum` of bare strings) reads as absent. Undefined when its syntax is broken or it
 * does not read even so.
 */
export function contractDespiteSchemaProblems(source: YamlSource): ContractDespiteSchemaProblems | undefined {
  if (source.syntaxErrors.length > 0 || !isJsonObject(source.value)) return undefined;
  const document = asV310Reading(source.value);
  const reading = contractFromOdcs(document);
  if (reading.ok) return { contract: { ...reading.value, odcs: source.text }, objectsWithUnknownTypes: new Set() };
  const refused = reading.errors.map((problem) => documentPathOf(problem.path, document));
  const withoutRefused = contractFromOdcs(withoutFields(document, refused.map(fieldHolding)));
  if (!withoutRefused.ok) return undefined;
  const unknownTypes = reading.errors.map((problem) => problem.path).filter((path) => path.at(-1) === 'logicalType');
  return {
    contract: { ...withoutRefused.value, odcs: source.text },
    objectsWithUnknownTypes: new Set(
      unknownTypes.flatMap(([, objectIndex]) => (typeof objectIndex === 'number' ? [objectIndex] : [])),
    ),
  };
}

/** What a document reads as in the model, which holds ODCS v3.0.x library rules in their v3.1.0 form. */
function asV310Reading(document: OdcsDocument): OdcsDocument {
  return withRulesAsV310(document, v30LibraryRules(document));
}

/** The path of the field a refused value is in: an `enum` for its element `enum[0]`. */
function fieldHolding(path: readonly PathSegment[]): PathSegment[] {
  const lastField = path.findLastIndex((segment) => typeof segment === 'string');
  return path.slice(0, lastField + 1);
}

/** A copy of the document without the fields at these paths. */
function withoutFields(document: OdcsDocument, paths: readonly PathSegment[][]): OdcsDocument {
  const copy = structuredClone(document);
  for (const path of paths) {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>(
        (node, segment) =>
          isJsonObject(node) || Array.isArray(node) ? (node as Record<PathSegment, unknown>)[segment] : undefined,
        copy,
      );
    if (isJsonObject(parent)) delete parent[String(path.at(-1))];
  }
  return copy;
}
