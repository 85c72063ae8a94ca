import { toYamlText } from '../export/yaml-text';
import type { Contract, ContractModel } from '../model/contract';
import { contractFromOdcs, contractToOdcs, isJsonObject } from './odcs-document';
import { validateOdcsDocument } from './odcs-schema';
import { rememberSchemaValid } from './schema-valid-texts';
import { byPosition, type LocatedResult, locateProblem, readYamlSource, type YamlSource } from './yaml-source';

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
    schemaProblems.length > 0 ? { ok: false as const, errors: schemaProblems } : contractFromOdcs(source.value);
  if (reading.ok) return { ok: true, value: { ...reading.value, odcs: source.text } };
  return { ok: false, errors: reading.errors.map((problem) => locateProblem(source, problem)).sort(byPosition) };
}

/**
 * What a text the ODCS schema refuses still reads as, so the checks that need a contract can
 * report beside the schema's problems; undefined when its syntax is broken or it does not read.
 */
export function contractDespiteSchemaProblems(source: YamlSource): Contract | undefined {
  if (source.syntaxErrors.length > 0 || !isJsonObject(source.value)) return undefined;
  const reading = contractFromOdcs(source.value);
  return reading.ok ? { ...reading.value, odcs: source.text } : undefined;
}
