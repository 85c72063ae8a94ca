import { nearMiss } from '../model/near-miss';
import { asArray, isJsonObject } from './odcs-document';
import type { KeySuggestion } from './odcs-schema-guide';
import type { PathProblem, PathSegment } from './path-problem';

/** The arguments each metric of ODCS's data quality library reads, with what each holds (see quality-metrics for what it counts). */
const METRIC_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  nullValues: {},
  missingValues: {
    missingValues: 'The values counted as missing besides null, such as `""` or `N/A`.',
  },
  invalidValues: {
    validValues: 'The allowed values of the property: any other value counts as invalid.',
    pattern: 'A regular expression every value must match: one that does not counts as invalid.',
  },
  duplicateValues: {
    properties: 'On a schema object, the properties whose combination of values must not occur twice.',
  },
  rowCount: {},
};

/** The arguments the library metric so named reads, for completion and hovers under its rule's `arguments`; none for another metric. */
export function metricArguments(metric: string): KeySuggestion[] {
  return Object.entries(METRIC_ARGUMENTS[metric] ?? {}).map(([key, description]) => ({
    key,
    description,
    isDeprecated: false,
    opensBlock: false,
  }));
}

type ArgumentIssue = PathProblem & { severity: 'warning' };

/** What is wrong with the arguments of the library rules of a contract, at every depth. */
export function ruleArgumentIssues(document: unknown): ArgumentIssue[] {
  const objects = asArray(isJsonObject(document) ? document.schema : undefined);
  return objects.flatMap((object, index) => [
    ...rulesBelow(object, ['schema', index]).flatMap(({ rule, path }) => misspeltArguments(rule, path)),
    ...(isJsonObject(object) ? unknownDuplicateKeyParts(object, ['schema', index]) : []),
  ]);
}

/**
 * A duplicateValues rule of a schema object names the properties whose combination must be unique:
 * one the object lacks (a typo, or a column renamed since) leaves the rule nothing a tool can run.
 */
function unknownDuplicateKeyParts(object: Record<string, unknown>, at: PathSegment[]): ArgumentIssue[] {
  const names = asArray(object.properties).flatMap((property) =>
    isJsonObject(property) && typeof property.name === 'string' ? [property.name] : [],
  );
  return asArray(object.quality).flatMap((rule, ruleIndex) => {
    if (!isJsonObject(rule) || rule.metric !== 'duplicateValues' || !isJsonObject(rule.arguments)) return [];
    return asArray(rule.arguments.properties).flatMap((name, index): ArgumentIssue[] => {
      if (typeof name !== 'string' || names.includes(name)) return [];
      const meant = nearMiss(name, names);
      return [
        {
          path: [...at, 'quality', ruleIndex, 'arguments', 'properties', index],
          message: `duplicateValues names property '${name}', which schema object '${String(object.name)}' does not have: the rule cannot be run${meant === undefined ? '' : ` (did you mean '${meant}'?)`}`,
          severity: 'warning',
          ...(meant !== undefined && { repair: { kind: 'replace-marked-text' as const, text: meant } }),
        },
      ];
    });
  });
}

/**
 * An argument of a library rule a slip or a case away from one its metric reads (`validvalues`):
 * a warning at the key with that name as its repair, since no tool reads it (the allowed values
 * it lists would silently allow anything). A name far from all of them is left to the tool it is for.
 */
function rulesBelow(node: unknown, at: PathSegment[]): Array<{ rule: unknown; path: PathSegment[] }> {
  if (!isJsonObject(node)) return [];
  const own = asArray(node.quality).map((rule, index) => ({ rule, path: [...at, 'quality', index] }));
  const nested = asArray(node.properties).flatMap((property, index) =>
    rulesBelow(property, [...at, 'properties', index]),
  );
  return [...own, ...nested, ...rulesBelow(node.items, [...at, 'items'])];
}

function misspeltArguments(rule: unknown, path: PathSegment[]): ArgumentIssue[] {
  if (!isJsonObject(rule) || typeof rule.metric !== 'string' || !isJsonObject(rule.arguments)) return [];
  const { metric } = rule;
  const known = metricArguments(metric).map(({ key }) => key);
  if (known.length === 0) return [];
  return Object.keys(rule.arguments).flatMap((argument) => {
    const meant = known.includes(argument) ? undefined : nearMiss(argument, known);
    if (meant === undefined) return [];
    return [
      {
        path: [...path, 'arguments', argument],
        target: 'key' as const,
        message: `argument '${argument}' is not one metric ${metric} reads (${known.join(', ')}), so its tools ignore it: did you mean '${meant}'?`,
        severity: 'warning' as const,
        repair: { kind: 'replace-marked-text' as const, text: meant },
      },
    ];
  });
}
