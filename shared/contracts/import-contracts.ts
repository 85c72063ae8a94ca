import type { Contract } from '../model/contract';
import { type DataProduct, DISCOVERY_PORT_ID, newDataProduct } from '../model/data-product';
import { distinctNodeName } from '../model/distinct-node-name';
import { type Domain, domainColorAt } from '../model/domain';
import { emptyFileMessage, isEmptyFile } from '../model/empty-file';
import { distinctPortName, productPorts } from '../model/endpoints';
import { childIdStem, uniqueId } from '../model/ids';
import type { Mesh } from '../model/mesh';
import type { Port } from '../model/port';
import { withContractIdentity } from './contract-edits';
import { freePortFor } from './free-port-choice';
import { parseOdcsYaml } from './odcs-yaml';
import { servingIdentity } from './serving-identity';
import { contractOwnerOf } from './team-owner';
import { DOCUMENT_START, type LocatedProblem } from './yaml-source';

export interface ContractFile {
  name: string;
  text: string;
}

export type ContractFileReport =
  | { file: string; ok: true; contract: Contract }
  | { file: string; ok: false; errors: LocatedProblem[] };

/** Larger files are refused before parsing: no real contract comes near it. */
export const MAX_CONTRACT_FILE_LENGTH = 4 * 1024 * 1024;

/** Why a contract file is refused before it is parsed (too large, or empty); undefined when it is read. */
export function contractFileRefusal(text: string): string | undefined {
  if (text.length > MAX_CONTRACT_FILE_LENGTH) return `file is larger than ${MAX_CONTRACT_FILE_LENGTH / 1024 / 1024} MB`;
  if (isEmptyFile(text)) return emptyFileMessage('contract');
  return undefined;
}

/** Reads each file on its own: a bad file is reported and does not stop the others. */
export function importContractFiles(files: readonly ContractFile[]): ContractFileReport[] {
  return files.map((file) => {
    const refusal = contractFileRefusal(file.text);
    if (refusal) {
      return { file: file.name, ok: false, errors: [{ path: '(document)', message: refusal, ...DOCUMENT_START }] };
    }
    const parsed = parseOdcsYaml(file.text);
    return parsed.ok
      ? { file: file.name, ok: true, contract: parsed.value }
      : { file: file.name, ok: false, errors: parsed.errors };
  });
}

export interface ContractAttachment {
  contractId: string;
  /** A contract with the same id was in the mesh and has been replaced. */
  replacedExisting: boolean;
  productId?: string;
  portId?: string;
  createdDomainId?: string;
  createdProductId?: string;
  /** The product's output port without a contract that serves it (or would, but for `newPortFor`), and why that one. */
  freePort?: { name: string; why: string };
  /** Served from a new port of the product it was pasted over, as it names none. */
  isServedByPaste?: boolean;
  message: string;
}

export interface AttachOptions {
  /** Contracts to serve from a new output port even where their product has one without a contract. */
  newPortFor?: ReadonlySet<string>;
}

/** Where contracts naming a product but no domain get one created. */
export const IMPORTED_DOMAIN_NAME = 'Imported';

/**
 * Adds contracts to the mesh (one with an id already there replaces it) and, when a
 * contract names its `dataProduct`, serves it from that product, matched by name or id
 * ignoring case, preferring one in the contract's `domain`: from its output port without a
 * contract (see freePortFor), else from a new output port. A
 * missing product is created, in the named domain, itself created when missing; both new ones
 * are owned by the contract's team (a domain left without one says so).
 */
export function attachContracts(
  mesh: Mesh,
  contracts: readonly Contract[],
  options: AttachOptions = {},
): { mesh: Mesh; attachments: ContractAttachment[] } {
  const attachments: ContractAttachment[] = [];
  let updated = mesh;
  for (const contract of contracts) {
    const result = attachContract(updated, contract, options.newPortFor?.has(contract.id) ?? false);
    updated = result.mesh;
    attachments.push(result.attachment);
  }
  return { mesh: updated, attachments };
}

function attachContract(
  mesh: Mesh,
  contract: Contract,
  wantsNewPort: boolean,
): { mesh: Mesh; attachment: ContractAttachment } {
  const replacedExisting = mesh.contracts.some((existing) => existing.id === contract.id);
  const withContract: Mesh = {
    ...mesh,
    contracts: replacedExisting
      ? mesh.contracts.map((existing) => (existing.id === contract.id ? contract : existing))
      : [...mesh.contracts, contract],
  };
  const base = { contractId: contract.id, replacedExisting };
  const verb = attachedVerb(base);
  const productName = contract.dataProduct;
  if (!productName) {
    return { mesh: withContract, attachment: { ...base, message: `${verb}; it names no dataProduct to attach to` } };
  }

  const domain = contract.domain === undefined ? undefined : findByName(mesh.domains, contract.domain);
  const candidates = mesh.products.filter((product) => isNamed(product, productName));
  const product = candidates.find((candidate) => candidate.domainId === domain?.id) ?? candidates[0];

  if (product) {
    const servingPort = product.outputPorts.find((port) => port.contractId === contract.id);
    if (servingPort) {
      const message = `${verb}; already served by ${product.name} at port ${servingPort.name}`;
      return { mesh: withContract, attachment: { ...base, productId: product.id, portId: servingPort.id, message } };
    }
    const freePort = freePortFor(product, contract);
    const freePortSaid = freePort && { freePort: { name: freePort.port.name, why: freePort.why } };
    if (freePort && !wantsNewPort) {
      const { port, why } = freePort;
      const message = `${verb}; served by ${product.name} at port ${port.name}, ${why}`;
      return {
        mesh: serveContract(withContract, contract.id, { productId: product.id, portId: port.id }),
        attachment: { ...base, productId: product.id, portId: port.id, ...freePortSaid, message },
      };
    }
    const port = outputPortFor(contract, new Set(productPorts(product).map((existing) => existing.id)));
    const products = withContract.products.map((existing) =>
      existing.id === product.id ? { ...existing, outputPorts: [...existing.outputPorts, port] } : existing,
    );
    const message = `${verb}; served by ${product.name} at new port ${port.name}`;
    return {
      mesh: { ...withContract, products },
      attachment: { ...base, productId: product.id, portId: port.id, ...freePortSaid, message },
    };
  }

  const nodeIds = new Set([...mesh.domains, ...mesh.products, ...mesh.systems].map((node) => node.id));
  // A new domain is the team's as the new product is: the contract names no other owner.
  const owner = contractOwnerOf(contract);
  const team = owner.owner ?? '';
  const targetDomain = domain ?? newDomain(contract.domain ?? IMPORTED_DOMAIN_NAME, team, mesh, nodeIds);
  const isNewDomain = targetDomain !== domain;
  const port = outputPortFor(contract, new Set([DISCOVERY_PORT_ID]));
  const created = newProduct(productName, team, targetDomain.id, port, new Set([...nodeIds, targetDomain.id]));
  const ownerNote = owner.owner === undefined ? ` (no owner: ${owner.why})` : '';
  const domainNote = isNewDomain ? ` in new domain ${targetDomain.name}${ownerNote}` : '';
  return {
    mesh: {
      ...withContract,
      domains: isNewDomain ? [...mesh.domains, targetDomain] : mesh.domains,
      products: [...withContract.products, created],
    },
    attachment: {
      ...base,
      productId: created.id,
      portId: port.id,
      ...(isNewDomain && { createdDomainId: targetDomain.id }),
      createdProductId: created.id,
      message: `${verb}; served by new product ${created.name}${domainNote} at port ${port.name}`,
    },
  };
}

/** `contract orders added` (or replaced): how an attachment's message starts. */
function attachedVerb({ contractId, replacedExisting }: Pick<ContractAttachment, 'contractId' | 'replacedExisting'>) {
  return `contract ${contractId} ${replacedExisting ? 'replaced' : 'added'}`;
}

/** Whether `wanted` names a product or domain as import finds it: by its id or its name, ignoring case. */
export function isNamed(node: { id: string; name: string }, wanted: string): boolean {
  const key = wanted.toLowerCase();
  return node.id.toLowerCase() === key || node.name.toLowerCase() === key;
}

function findByName<T extends { id: string; name: string }>(nodes: readonly T[], wanted: string): T | undefined {
  return nodes.find((node) => isNamed(node, wanted));
}

/** Events flow on topics; entities are served as tables. */
function outputPortFor(contract: Contract, takenIds: ReadonlySet<string>): Port {
  return {
    id: uniqueId(`${contract.name} out`, takenIds),
    name: contract.name,
    direction: 'output',
    protocol: contract.kind === 'event' ? 'kafka-topic' : 'table',
    description: contract.description ?? '',
    contractId: contract.id,
  };
}

function newDomain(name: string, owner: string, mesh: Mesh, takenIds: ReadonlySet<string>): Domain {
  return {
    id: uniqueId(name, takenIds, 'domain'),
    name,
    description: '',
    owner,
    color: domainColorAt(mesh.domains.length),
  };
}

function newProduct(
  name: string,
  owner: string,
  domainId: string,
  outputPort: Port,
  takenIds: ReadonlySet<string>,
): DataProduct {
  return newDataProduct({
    id: uniqueId(childIdStem(domainId, name, 'product'), takenIds),
    domainId,
    name,
    owner,
    outputPorts: [outputPort],
  });
}

/** Where a contract can be served from: an output port of a product that has no contract, or a new one (no `portId`). */
export interface ServingPlace {
  productId: string;
  portId?: string;
  /** As the canvas names it, `Meal Orders (Cold Chain) · dataset`: namesakes told apart by their domain. */
  label: string;
}

/** Where a contract no port serves can be served, product by product: its output ports without a contract, then a new port. */
export function servingPlaces(mesh: Mesh): ServingPlace[] {
  return mesh.products.flatMap((product) => {
    const productName = distinctNodeName(mesh, product);
    const freePorts = product.outputPorts.filter((port) => port.contractId === undefined);
    return [
      ...freePorts.map((port) => ({
        productId: product.id,
        portId: port.id,
        label: `${productName} · ${distinctPortName(product, port)}`,
      })),
      { productId: product.id, label: `${productName} · new output port` },
    ];
  });
}

/**
 * Serves a contract from a product: from the output port given, or from a new one. For a contract
 * that names no product (or one the design lacks), which would otherwise appear nowhere on the canvas.
 */
export function serveContract(mesh: Mesh, contractId: string, place: Omit<ServingPlace, 'label'>): Mesh {
  const contract = mesh.contracts.find((candidate) => candidate.id === contractId);
  const product = mesh.products.find((candidate) => candidate.id === place.productId);
  if (!contract || !product) return mesh;
  const outputPorts = place.portId
    ? product.outputPorts.map((port) => (port.id === place.portId ? { ...port, contractId } : port))
    : [...product.outputPorts, outputPortFor(contract, new Set(productPorts(product).map((existing) => existing.id)))];
  return {
    ...mesh,
    products: mesh.products.map((existing) => (existing.id === product.id ? { ...existing, outputPorts } : existing)),
  };
}

/**
 * Contracts pasted over a product that nothing serves (they name no product) are served from a new
 * output port of it, their text naming it, its domain and its owner (where they name no team) as
 * New contract writes them, so the file says where the design serves it.
 */
export function servePastedFrom(
  mesh: Mesh,
  attachments: readonly ContractAttachment[],
  productId: string,
): { mesh: Mesh; attachments: ContractAttachment[] } {
  const product = mesh.products.find((candidate) => candidate.id === productId);
  if (!product) return { mesh, attachments: [...attachments] };
  const identity = servingIdentity(product);
  let served = mesh;
  const updated = attachments.map((attachment) => {
    const { contractId } = attachment;
    const contract = served.contracts.find((candidate) => candidate.id === contractId);
    if (!contract || attachment.productId !== undefined || isContractServed(served, contractId)) return attachment;
    const named = withContractIdentity(contract, {
      id: contractId,
      domain: identity.domain,
      dataProduct: identity.dataProduct,
      ...(contract.owner === undefined && identity.team !== undefined && { team: identity.team }),
    });
    const withNamed = {
      ...served,
      contracts: served.contracts.map((existing) => (existing === contract ? named : existing)),
    };
    served = serveContract(withNamed, contractId, { productId });
    const port = served.products.find((candidate) => candidate.id === productId)?.outputPorts.at(-1) as Port;
    return {
      ...attachment,
      productId,
      portId: port.id,
      isServedByPaste: true,
      message: `${attachedVerb(attachment)}; served by ${product.name} at new port ${port.name}`,
    };
  });
  return { mesh: served, attachments: updated };
}

/** Whether any port or published event of the design refers to the contract. */
export function isContractServed(mesh: Mesh, contractId: string): boolean {
  return (
    mesh.products.some((product) => productPorts(product).some((port) => port.contractId === contractId)) ||
    mesh.systems.some((system) => system.publishes.some((event) => event.contractId === contractId))
  );
}
