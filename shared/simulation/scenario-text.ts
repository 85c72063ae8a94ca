import { z } from 'zod';
import type { PathSegment } from '../contracts/path-problem';
import { byPosition } from '../contracts/text-range';
import { type LocatedProblem, type LocatedResult, readYamlSource } from '../contracts/yaml-source';
import { duplicateKeyMessage, scanJsonStructure } from '../model/json-structure';
import { ENGINE_POSITION, jsonSyntaxErrorSpan, lineAndColumn } from '../model/json-syntax-error';
import type { Mesh } from '../model/mesh';
import { MAX_NESTING_DEPTH } from '../model/mesh-file-format';
import { OMITTABLE_SCENARIO_FIELDS, withOmittedScenarioFields } from '../model/omitted-empty-fields';
import { DOCUMENT_PATH, formatPath, pathSegments } from '../model/problem';
import { type Scenario, ScenarioSchema } from '../model/scenario';
import { schemaIssueMessage, unknownFieldMessage, withoutMisspeltRequiredFields } from '../model/schema-issue-text';
import { scenarioWithTopics } from '../model/topic-references';
import { checkScenario, type ScenarioProblem } from './scenario-check';
import { checkSchemaValidParts } from './scenario-valid-parts';

/** The scenario as the editor shows it: the same JSON the mesh file holds. */
export function scenarioText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** The JSON Schema the editor validates and completes with, derived from the model like the file's. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const required = schema.required as string[];
  return { ...schema, required: required.filter((field) => !OMITTABLE_SCENARIO_FIELDS.includes(field)) };
}

/**
 * Reads edited scenario text for the scenario at `index` of the mesh: syntax, then the schema,
 * then what only the mesh can tell (systems, tables, columns, topics, products, a unique id),
 * every problem at its line and column, listed in the order of the text.
 */
export function readScenarioText(text: string, mesh: Mesh, index: number): LocatedResult<Scenario> {
  const syntaxError = jsonSyntaxError(text);
  if (syntaxError) return { ok: false, errors: [syntaxError] };
  const source = readYamlSource(text);
  const duplicateKeys = duplicateKeyProblems(text);
  // JSON.parse took the text, so what YAML refuses beyond a repeated key is its own limit (nesting): say that.
  if (source.value === undefined && source.valueDespiteDuplicateKeys === undefined) {
    return { ok: false, errors: source.syntaxErrors };
  }
  const located = (path: PathSegment[], message: string, target?: ScenarioProblem['target']): LocatedProblem => ({
    path: formatPath(path),
    message,
    ...source.locate(path, target),
  });
  // A repeated key reads as JSON.parse reads it, its last value, so the rest of the text is still checked.
  const written = withOmittedScenarioFields(source.value ?? source.valueDespiteDuplicateKeys);
  const parsed = ScenarioSchema.safeParse(written);
  if (!parsed.success) {
    const issues = withoutMisspeltRequiredFields(parsed.error.issues, written, ScenarioSchema);
    const schemaProblems = issues.flatMap((issue) => {
      const path = issue.path as PathSegment[];
      // Zod names the object; the mark belongs on each key it does not take. Worded as the design file's, for `validate`.
      if (issue.code !== 'unrecognized_keys') return [located(path, schemaIssueMessage(issue, written))];
      return issue.keys.map((key) =>
        located([...path, key], unknownFieldMessage(ScenarioSchema, path, key, written), 'key'),
      );
    });
    const referenceProblems = checkSchemaValidParts(mesh, written, '').map((problem) =>
      located(pathSegments(problem.path), problem.message, problem.target),
    );
    return { ok: false, errors: [...duplicateKeys, ...schemaProblems, ...referenceProblems].sort(byPosition) };
  }
  const scenario = parsed.data;
  const problems = checkScenario(mesh, scenario, '').map((problem) =>
    located(pathSegments(problem.path), problem.message, problem.target),
  );
  if (mesh.scenarios.some((other, at) => at !== index && other.id === scenario.id)) {
    problems.push(located(['id'], `another scenario is called '${scenario.id}'`));
  }
  problems.push(...duplicateKeys);
  return problems.length > 0
    ? { ok: false, errors: problems.sort(byPosition) }
    : { ok: true, value: scenarioWithTopics(mesh, scenario) };
}

/** Each key written twice in one object, at its second writing: JSON.parse keeps the last silently. */
function duplicateKeyProblems(text: string): LocatedProblem[] {
  return scanJsonStructure(text, MAX_NESTING_DEPTH).duplicateKeys.map(({ path, key, offset, endOffset }) => {
    const start = lineAndColumn(text, offset);
    const end = lineAndColumn(text, endOffset);
    return {
      path: formatPath([...path, key]),
      message: duplicateKeyMessage(key, 'the scenario'),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  });
}

/** JSON's own complaint, at the token where the text stops being JSON. */
function jsonSyntaxError(text: string): LocatedProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const span = jsonSyntaxErrorSpan(text) ?? { start: 0, end: 0 };
    const start = lineAndColumn(text, span.start);
    const end = lineAndColumn(text, span.end);
    return {
      path: DOCUMENT_PATH,
      message: (error as Error).message.replace(ENGINE_POSITION, ''),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  }
}
