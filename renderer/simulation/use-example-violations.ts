import { useEffect, useState } from 'react';
import type { LogMessage } from '../../shared/simulation';
import type { ExampleViolations } from '../../shared/simulation/example-recheck';
import { useDocumentStore } from '../store/document-store';
import { simulation } from './simulation-controller';

interface Checked {
  mesh: unknown;
  examples: Record<string, LogMessage[]>;
  violations: ExampleViolations | undefined;
}

/**
 * Example records (by port log) checked by the engine against the contracts as the design has
 * them now, which may have changed since the run; undefined until the worker has answered for
 * these very records and this design, or when it could not check them.
 */
export function useExampleViolations(examples: Record<string, LogMessage[]>): ExampleViolations | undefined {
  const mesh = useDocumentStore((state) => state.mesh);
  const [checked, setChecked] = useState<Checked>();
  useEffect(() => {
    if (!mesh || Object.keys(examples).length === 0) return;
    let isCurrent = true;
    void simulation.recheckExamples(mesh, examples).then((violations) => {
      if (isCurrent) setChecked({ mesh, examples, violations });
    });
    return () => {
      isCurrent = false;
    };
  }, [mesh, examples]);
  return checked?.mesh === mesh && checked.examples === examples ? checked.violations : undefined;
}
