import { checkContractSemantics, checkDatasetShape, outsideTargetIssues } from '../../contracts';
import { readOdcsDocument } from '../../contracts/contract-edits';
import { CONTRACT_SEMANTICS_RULE_ID } from '../../contracts/contract-rule-ids';
import { modelPathOf } from '../../contracts/odcs-document';
import { yaml11ReadingWarnings } from '../../contracts/yaml11-reading-warnings';
import { Memo } from '../../lineage/memo';
import { type Contract, quoted } from '../../model';
import { classificationLevelsOf } from '../../model/policies';
import { pathSegments } from '../../model/problem';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import { contractPlace } from '../places';
import type { Rule } from '../rule';

/** A contract's semantic findings but its keys, which have their own rule (contract-keys) a policy can tune apart. */
function semanticFindings(contract: Contract, classificationLevels: readonly string[]) {
  const shape = new Set(checkDatasetShape(contract).map((finding) => finding.message));
  return checkContractSemantics(contract, classificationLevels).filter((finding) => !shape.has(finding.message));
}

/** The contract's plain values YAML 1.1 readers read otherwise, each at its path in the contract's model, as design paths name it. */
function yaml11Readings(contract: Contract) {
  const warnings = yaml11ReadingWarnings(contract.odcs);
  const document = warnings.length > 0 ? readOdcsDocument(contract.odcs) : undefined;
  return warnings.map((warning) => ({ ...warning, modelPath: modelPathOf(pathSegments(warning.path), document) }));
}

export const contractSemanticsRule: Rule = {
  id: CONTRACT_SEMANTICS_RULE_ID,
  title: 'Contracts say what they mean',
  rationale:
    'What the ODCS schema cannot check: plain values YAML 1.1 readers (PyYAML, SnakeYAML, Go’s yaml.v2) read otherwise, unique schema object and property names, no history kept on events, which never change, relationships that name what the contract or another contract of the design has, type options whose bounds leave some value, and allowed values of the type of their field, leaving null to required.',
  defaultSeverity: 'error',
  reads: ['contracts', 'policies'],
  check({ mesh, graph }) {
    const classificationLevels = classificationLevelsOf(mesh.policies);
    // A contract's own checks name paths in its document, which lies at the contract's place in the design.
    const placeInContract = (contract: Contract, path: string) => {
      const place = contractPlace(graph, contract);
      return { ...place, path: `${place.path}.${path}` };
    };
    const ownFindings = findingsPerElement(findingsByContract, mesh.contracts, [classificationLevels], (contract) => [
      ...semanticFindings(contract, classificationLevels).map((finding) => ({
        ...placeInContract(contract, finding.path),
        message: `Contract ${quoted(contract.name)}: ${asSentence(finding.message)}`,
        fixHint: finding.fixHint ?? 'Open the contract and correct it.',
        severity: finding.severity,
      })),
      ...yaml11Readings(contract).map(({ modelPath, ...warning }) => ({
        ...contractPlace(graph, contract, ...modelPath),
        message: `Contract ${quoted(contract.name)}: ${asSentence(warning.message)}`,
        fixHint: 'Open the contract and use its quick fix, Quote it.',
        severity: warning.severity,
      })),
    ]);
    // A foreign key may point into another contract: whether it points anywhere depends on them all.
    const targetFindings = findingsPerElement(targetFindingsByContract, mesh.contracts, [mesh.contracts], (contract) =>
      outsideTargetIssues(contract, mesh.contracts).map((issue) => ({
        ...contractPlace(graph, contract, ...issue.path),
        message: `Contract ${quoted(contract.name)}: ${issue.message}.`,
        fixHint:
          'Point it at a table.column of this contract or of another contract of the design, or remove the relationship.',
        severity: issue.severity,
      })),
    );
    return [...ownFindings, ...targetFindings];
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();
const targetFindingsByContract = new Memo<Contract, RuleFinding[]>();

/** A finding's message ended as a sentence: a question keeps its mark. */
function asSentence(message: string): string {
  return message.endsWith('?') ? message : `${message}.`;
}
