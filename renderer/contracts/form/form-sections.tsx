import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { PathSegment } from '../../../shared/contracts';
import { counted, formatPath } from '../../../shared/model';
import { type OdcsValue, useContractForm, valueAt } from './form-context';
import { ObjectList } from './form-fields';
import { QUALITY_RULE, RELATIONSHIP } from './odcs-form-specs';

/**
 * A collapsible part of the form; it opens by itself when something in it has a problem. Only
 * the reader closes it: closing it when the problems go would take the focus from the input
 * whose keystroke fixed them.
 */
export function Section({
  title,
  path,
  isOpen = false,
  children,
}: {
  title: string;
  path?: readonly PathSegment[];
  isOpen?: boolean;
  children: ReactNode;
}) {
  const form = useContractForm();
  const prefix = path === undefined ? undefined : formatPath(path);
  const problems =
    prefix === undefined
      ? []
      : [...form.findingsByPath.entries()]
          .filter(
            ([findingPath]) =>
              findingPath === prefix || findingPath.startsWith(`${prefix}[`) || findingPath.startsWith(`${prefix}.`),
          )
          .flatMap(([, findings]) => findings);
  const problemCount = problems.length;
  const hasErrors = problems.some((finding) => finding.severity === 'error');
  const itemCount = path === undefined ? undefined : countOf(valueAt(form.document, path));
  const details = useRef<HTMLDetailsElement>(null);
  const [opensAtFirst] = useState(isOpen || problemCount > 0);
  const hasProblems = problemCount > 0;
  useEffect(() => {
    if (hasProblems && details.current) details.current.open = true;
  }, [hasProblems]);
  return (
    <details ref={details} className="form-section" open={opensAtFirst}>
      <summary>
        {title}
        {itemCount !== undefined && <span className="form-section__count">{itemCount}</span>}
        {problemCount > 0 && (
          <span className={`form-section__problems problem--${hasErrors ? 'error' : 'warning'}`}>
            {counted(problemCount, 'problem')}
          </span>
        )}
      </summary>
      {children}
    </details>
  );
}

function countOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}

export function QualityRules({ path }: { path: readonly PathSegment[] }) {
  return (
    <ObjectList
      path={path}
      noun="quality rule"
      specs={QUALITY_RULE}
      newItem={() => ({ metric: 'nullValues', mustBe: 0 })}
      titleOf={(rule, index) => String(rule.name ?? rule.metric ?? rule.type ?? `rule ${index + 1}`)}
    />
  );
}

export function Relationships({ path }: { path: readonly PathSegment[] }) {
  return (
    <ObjectList
      path={path}
      noun="relationship"
      specs={RELATIONSHIP}
      newItem={() => ({ type: 'foreignKey', to: 'other_object.id' })}
      titleOf={(relationship, index) => `→ ${String(relationship.to ?? `relationship ${index + 1}`)}`}
    />
  );
}

export function uniqueName(stem: string, taken: readonly (OdcsValue | null)[]): string {
  const names = new Set(taken.map((item) => String(item?.name)));
  let name = stem;
  for (let suffix = 2; names.has(name); suffix++) name = `${stem}_${suffix}`;
  return name;
}
