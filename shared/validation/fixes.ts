import { editContractText, parseOdcsYaml, propertyPathOf, readOdcsDocument, type YamlEdit } from '../contracts';
import { withTableCdc } from '../editing/cdc-streams';
import { withDomainUpdated } from '../editing/domains';
import { withSection } from '../editing/list-edits';
import { contractById, domainById, linkById, productById, systemById } from '../editing/mesh-index';
import { withNewPortContract } from '../editing/port-contract';
import { withProductUpdated } from '../editing/products';
import { transformationMaking } from '../editing/transformations';
import { type ElementRef, endpointName, type Mesh, quoted } from '../model';
import type { Fix } from './finding';

/** The mesh with a finding's fix applied; the same mesh when what it repairs is gone. */
export function applyFix(mesh: Mesh, fix: Fix): Mesh {
  switch (fix.kind) {
    case 'set-owner':
      return fix.element.kind === 'domain'
        ? withDomainUpdated(mesh, fix.element.domainId, { owner: fix.owner })
        : withProductUpdated(mesh, fix.element.productId, { owner: fix.owner });
    case 'remove-link':
      return withSection(
        mesh,
        'links',
        mesh.links.filter((link) => link.id !== fix.linkId),
      );
    case 'add-port-contract':
      return withNewPortContract(mesh, fix.productId, fix.portId)?.mesh ?? mesh;
    case 'add-transformation':
      return withTransformationMaking(mesh, fix.productId, fix.name);
    case 'capture-table':
      // On adds the table's topic when it has none and keeps the one it has, with the links reading it.
      return withTableCdc(mesh, fix.systemId, fix.table, true);
    case 'set-contract-version':
    case 'classify-field':
    case 'name-serving':
    case 'name-team':
      return withContractFixed(mesh, fix);
  }
}

/** The mesh with the transformation that makes table `name` added to the product; the same mesh once one has that name. */
function withTransformationMaking(mesh: Mesh, productId: string, name: string): Mesh {
  const product = productById(mesh, productId);
  if (!product || product.transformations.some((transformation) => transformation.name === name)) return mesh;
  const transformations = [...product.transformations, transformationMaking(mesh, product, name)];
  return withProductUpdated(mesh, productId, { transformations });
}

/** A fix that edits a contract's text. */
export type ContractFix = Extract<Fix, { contractId: string }>;

export function isContractFix(fix: Fix): fix is ContractFix {
  return 'contractId' in fix;
}

/**
 * The edits a contract's fix makes to the contract's text, what it repairs found by name in
 * that text (a text typed since, with problems, included); none when it is not there.
 */
export function contractFixEdits(fix: ContractFix, text: string): YamlEdit[] {
  switch (fix.kind) {
    case 'set-contract-version':
      return [{ op: 'set', path: ['version'], value: fix.version }];
    case 'classify-field': {
      const property = propertyPathOf(readOdcsDocument(text), fix.object, fix.field);
      return property ? [{ op: 'set', path: [...property, 'classification'], value: fix.classification }] : [];
    }
    case 'name-serving':
      return (['domain', 'dataProduct'] as const).flatMap((field) => {
        const value = fix[field];
        return value === undefined ? [] : [{ op: 'set' as const, path: [field], value, isQuotedOnlyWhereNeeded: true }];
      });
    case 'name-team':
      return [{ op: 'set', path: ['team', 'name'], value: fix.team, isQuotedOnlyWhereNeeded: true }];
  }
}

/**
 * The mesh with a contract's text fixed, as every contract edit is (the text is what the
 * file keeps); the same mesh when the contract is gone, or its edited text does not read.
 */
function withContractFixed(mesh: Mesh, fix: ContractFix): Mesh {
  const index = mesh.contracts.findIndex((contract) => contract.id === fix.contractId);
  const contract = mesh.contracts[index];
  const edits = contract ? contractFixEdits(fix, contract.odcs) : [];
  if (!contract || edits.length === 0) return mesh;
  const edited = editContractText(contract.odcs, edits);
  const read = edited.ok ? parseOdcsYaml(edited.text) : undefined;
  return read?.ok ? { ...mesh, contracts: mesh.contracts.with(index, read.value) } : mesh;
}

/** The fix as a button says it. */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'set-owner':
      return `Set owner to ${quoted(fix.owner)}`;
    case 'remove-link':
      return 'Remove the link';
    case 'add-port-contract':
      return 'Add a contract';
    case 'add-transformation':
      return `Add transformation ${quoted(fix.name)}`;
    case 'capture-table':
      return `Capture ${quoted(fix.table)}`;
    case 'set-contract-version':
      return `Bump to ${fix.version}`;
    case 'classify-field':
      return `Classify ${fix.field} as ${fix.classification}`;
    case 'name-serving':
      return `Name ${[fix.domain, fix.dataProduct].flatMap((name) => (name === undefined ? [] : [quoted(name)])).join(' and ')}`;
    case 'name-team':
      return `Set team to ${quoted(fix.team)}`;
  }
}

/**
 * What a fix did, for the status line: `Added contract 'Orders dataset' to Orders · dataset`,
 * else the fix as its button said it, after where it was made (`Fixed contract 'Orders': Bump to 2.0.0`).
 */
export function describeFixMade(before: Mesh, after: Mesh, fix: Fix): string {
  if (fix.kind === 'add-port-contract') {
    const port = { nodeId: fix.productId, portId: fix.portId };
    const contractId = productById(after, fix.productId)?.outputPorts.find((out) => out.id === fix.portId)?.contractId;
    const contract = contractId === undefined ? undefined : contractById(after, contractId);
    return `Added contract ${quoted(contract?.name ?? contractId ?? '')} to ${endpointName(after, port)}`;
  }
  return `Fixed ${placeOfFix(before, fix)}: ${describeFix(fix)}`;
}

function placeOfFix(mesh: Mesh, fix: Exclude<Fix, { kind: 'add-port-contract' }>): string {
  switch (fix.kind) {
    case 'set-owner':
      return ownedName(mesh, fix.element);
    case 'add-transformation':
      return productById(mesh, fix.productId)?.name ?? fix.productId;
    case 'capture-table':
      return systemById(mesh, fix.systemId)?.name ?? fix.systemId;
    case 'remove-link': {
      const link = linkById(mesh, fix.linkId);
      return link ? `the link ${endpointName(mesh, link.from)} to ${endpointName(mesh, link.to)}` : 'the link';
    }
    default:
      return `contract ${quoted(contractById(mesh, fix.contractId)?.name ?? fix.contractId)}`;
  }
}

function ownedName(mesh: Mesh, element: Extract<ElementRef, { kind: 'domain' | 'product' }>): string {
  return element.kind === 'domain'
    ? `domain ${domainById(mesh, element.domainId)?.name ?? element.domainId}`
    : (productById(mesh, element.productId)?.name ?? element.productId);
}
