import { isDeepEqual } from '../model/deep-equal';
import { formatPath } from '../model/problem';
import { isEnumRule, isJsonObject, type OdcsDocument } from './odcs-document';
import type { PathSegment } from './path-problem';
import type { YamlEdit } from './yaml-text-edit';

/** The edits that bring an import's quality rules into a schema object or property, and what they did. */
export interface QualityMerge {
  edits: YamlEdit[];
  notes: string[];
}

/**
 * The import's quality rules brought into `existing` at `at`: the source is the truth for its
 * constraints, so a rule of the same name becomes the import's, a rule the contract lacks (by name,
 * else by its query or metric) is added, and the contract's others stay. Allowed values are left
 * to the enum merge, which writes them as the contract's `apiVersion` does.
 */
export function importedQualityEdits(existing: OdcsDocument, imported: OdcsDocument, at: PathSegment[]): QualityMerge {
  const own = Array.isArray(existing.quality) ? existing.quality : [];
  const brought = (Array.isArray(imported.quality) ? imported.quality : [])
    .filter(isJsonObject)
    .filter((rule) => !isEnumRule(rule));
  const path = [...at, 'quality'];
  const subject = `${formatPath(at)} (${String(existing.name)})`;
  const merge: QualityMerge = { edits: [], notes: [] };
  const added: OdcsDocument[] = [];
  for (const rule of brought) {
    const sameName =
      rule.name === undefined ? -1 : own.findIndex((ownRule) => isJsonObject(ownRule) && ownRule.name === rule.name);
    if (sameName !== -1) {
      if (isDeepEqual(own[sameName], rule)) continue;
      merge.edits.push({ op: 'set', path: [...path, sameName], value: rule });
      merge.notes.push(`${subject}: quality rule ${ruleName(rule)} replaced by the import's`);
    } else if (!own.some((ownRule) => isJsonObject(ownRule) && checksTheSame(ownRule, rule))) {
      added.push(rule);
      merge.notes.push(`${subject}: quality rule ${ruleName(rule)} added from the import`);
    }
  }
  if (added.length === 0) return merge;
  if (!Array.isArray(existing.quality)) merge.edits.push({ op: 'set', path, value: added });
  else
    merge.edits.push(
      ...added.map((rule, position) => ({
        op: 'insert' as const,
        path: [...path, own.length + position],
        value: rule,
      })),
    );
  return merge;
}

/** Whether a rule of the contract checks what an imported rule does: the same query, or the same metric and arguments. */
function checksTheSame(own: OdcsDocument, imported: OdcsDocument): boolean {
  if (imported.query !== undefined) return own.query === imported.query;
  return (
    imported.metric !== undefined && own.metric === imported.metric && isDeepEqual(own.arguments, imported.arguments)
  );
}

function ruleName(rule: OdcsDocument): string {
  return `'${String(rule.name ?? rule.query ?? rule.metric ?? rule.description)}'`;
}
