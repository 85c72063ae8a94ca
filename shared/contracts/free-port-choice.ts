import type { Contract } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import { slugify } from '../model/ids';
import type { Port } from '../model/port';

/** The output port without a contract that a contract imported for its product is served from, and why that one. */
export interface FreePortChoice {
  port: Port;
  /** Why this one: `its only output port without a contract`, or among several, how it was picked. */
  why: string;
}

/**
 * The port an imported contract fills rather than adding a second one beside an empty port,
 * which `validate` would then report (output-contracts): the product's only output port without
 * a contract; among several, the one named like one of the contract's schema objects, or like the
 * contract itself (by name or id, `Cold room readings` ~ `cold-room-readings`), else the first.
 */
export function freePortFor(product: DataProduct, contract: Contract): FreePortChoice | undefined {
  const freePorts = product.outputPorts.filter((port) => port.contractId === undefined);
  const [first] = freePorts;
  if (!first) return undefined;
  if (freePorts.length === 1) return { port: first, why: 'its only output port without a contract' };
  const among = `of its ${freePorts.length} output ports without a contract`;
  const names = [...contract.schema.map((object) => object.name), contract.name, contract.id];
  for (const name of names) {
    const named = freePorts.find((port) => isNamedLike(port, name));
    if (named) return { port: named, why: `the one ${among} named like ${name}` };
  }
  return { port: first, why: `the first ${among} (none is named like the contract or its schema objects)` };
}

function isNamedLike(port: Port, name: string): boolean {
  const wanted = slugify(name);
  return slugify(port.name) === wanted || slugify(port.id) === wanted;
}
