import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import {
  type ContractEditResult,
  type LocatedFinding,
  type PathSegment,
  readOdcsDocument,
  type YamlEdit,
} from '../../../shared/contracts';
import { formatPath } from '../../../shared/model';
import { editContract } from '../contract-actions';
import { useContractFindings, useContractText } from '../contract-drafts';

export type OdcsValue = Record<string, unknown>;

export interface ContractForm {
  contractId: string;
  /** The ODCS document the form shows: the draft's, so an invalid value stays where it was typed. */
  document: OdcsValue;
  apiVersion: string;
  /** Findings by the path they are about, as `schema[0].properties[1].name`. */
  findingsByPath: ReadonlyMap<string, LocatedFinding[]>;
  /** Why the last edit changed nothing (an alias, YAML that does not parse), until an edit goes through. */
  refusal: string | null;
  /** Edits the text; `field` merges keystrokes in one field into one undo step. */
  edit(edits: readonly YamlEdit[], field?: readonly PathSegment[]): ContractEditResult;
}

const FormContext = createContext<ContractForm | null>(null);

export function useContractForm(): ContractForm {
  const form = useContext(FormContext);
  if (!form) throw new Error('useContractForm() needs a <ContractFormProvider> above it');
  return form;
}

/** Provides the form's view of a contract; renders `fallback` when its YAML does not parse. */
export function ContractFormProvider({
  contractId,
  fallback,
  children,
}: {
  contractId: string;
  fallback: ReactNode;
  children: ReactNode;
}) {
  const text = useContractText(contractId);
  const findings = useContractFindings(contractId);
  const document = useMemo(() => (text === undefined ? undefined : readOdcsDocument(text)), [text]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useMemo<ContractForm | null>(() => {
    if (!document) return null;
    const findingsByPath = new Map<string, LocatedFinding[]>();
    for (const finding of findings)
      findingsByPath.set(finding.path, [...(findingsByPath.get(finding.path) ?? []), finding]);
    return {
      contractId,
      document,
      apiVersion: String(document.apiVersion ?? ''),
      findingsByPath,
      refusal,
      edit: (edits, field) => {
        const result = editContract(
          contractId,
          edits,
          field ? { coalesceKey: `contract:${contractId}:${formatPath(field)}` } : undefined,
        );
        // A draft's problems show beside its fields; an edit that could not be made at all says why here.
        setRefusal(result.ok || result.keptAsDraft ? null : `Not changed: ${result.message}`);
        return result;
      },
    };
  }, [contractId, document, findings, refusal]);
  if (!form) return <>{fallback}</>;
  return <FormContext.Provider value={form}>{children}</FormContext.Provider>;
}

export function valueAt(document: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(
    (node, segment) => (node as Record<PathSegment, unknown> | undefined)?.[segment],
    document,
  );
}
