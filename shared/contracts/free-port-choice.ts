import type { Contract } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import { isSameWord, nameWords } from '../model/name-words';
import type { Port } from '../model/port';

/** The output port without a contract that a contract imported for its product is served from, and why that one. */
export interface FreePortChoice {
  port: Port;
  /** Why this one: `its only output port without a contract`, or among several, how it was picked. */
  why: string;
}

/** How a port's name matches one of the contract's names, the better the higher. */
const Likeness = {
  /** Every word of the one is among the other's: `Rider settlements` ~ `settlements`. */
  Partly: 1,
  SchemaObject: 2,
  Contract: 3,
} as const;

interface PortMatch {
  port: Port;
  likeness: (typeof Likeness)[keyof typeof Likeness];
  /** The contract's name or id, or the schema object's name, that the port is named like. */
  namedLike: string;
}

/**
 * The port an imported contract fills rather than adding a second one beside an empty port,
 * which `validate` would then report (output-contracts): the product's only output port without
 * a contract; among several, the one named most like the contract (by name or id), else like one of
 * its schema objects, else partly like either, as a reader compares names: in any case, with any
 * separators or camel case, in the singular or plural (`Rider settlements` ~ `RiderSettlement`);
 * ports that match alike are named in `why` and the first is taken; matching none, the first.
 */
export function freePortFor(product: DataProduct, contract: Contract): FreePortChoice | undefined {
  const freePorts = product.outputPorts.filter((port) => port.contractId === undefined);
  const [first] = freePorts;
  if (!first) return undefined;
  if (freePorts.length === 1) return { port: first, why: 'its only output port without a contract' };
  const among = `of its ${freePorts.length} output ports without a contract`;
  const matches = freePorts.flatMap((port) => bestMatch(port, contract) ?? []);
  const best = Math.max(...matches.map((match) => match.likeness));
  const [chosen, ...alike] = matches.filter((match) => match.likeness === best);
  if (!chosen) {
    return { port: first, why: `the first ${among} (none is named like the contract or its schema objects)` };
  }
  if (alike.length === 0) return { port: chosen.port, why: `the one ${among} ${namedLike(chosen)}` };
  const others = alike.map((match) => `${match.port.name} is (${namedLike(match)})`).join(', ');
  return { port: chosen.port, why: `the first ${among} ${namedLike(chosen)}, as ${others}` };
}

function namedLike(match: PortMatch): string {
  return `named ${match.likeness === Likeness.Partly ? 'partly ' : ''}like ${match.namedLike}`;
}

/** The port's closest match among the contract's names, the contract's own before its schema objects'. */
function bestMatch(port: Port, contract: Contract): PortMatch | undefined {
  const contractNames = [contract.name, contract.id];
  const objectNames = contract.schema.map((object) => object.name);
  const portNames = [port.name, port.id];
  const fully = (names: string[]) => names.find((name) => portNames.some((portName) => isNamedLike(portName, name)));
  const contractNamed = fully(contractNames);
  if (contractNamed !== undefined) return { port, likeness: Likeness.Contract, namedLike: contractNamed };
  const objectNamed = fully(objectNames);
  if (objectNamed !== undefined) return { port, likeness: Likeness.SchemaObject, namedLike: objectNamed };
  const partlyNamed = [...objectNames, ...contractNames].find((name) =>
    portNames.some((portName) => isPartlyNamedLike(portName, name)),
  );
  return partlyNamed === undefined ? undefined : { port, likeness: Likeness.Partly, namedLike: partlyNamed };
}

/** The same words, in the same order, or the same letters (`e_mail` ~ `email`), any in the plural. */
function isNamedLike(portName: string, name: string): boolean {
  const [portWords, words] = [nameWords(portName), nameWords(name)];
  if (words.length === 0) return false;
  if (isSameWord(portWords.join(''), words.join(''))) return true;
  return (
    portWords.length === words.length && portWords.every((word, index) => isSameWord(word, words[index] as string))
  );
}

/** Every word of the one is among the other's: `Rider settlements` ~ `settlements`. */
function isPartlyNamedLike(portName: string, name: string): boolean {
  const [portWords, words] = [nameWords(portName), nameWords(name)];
  if (portWords.length === 0 || words.length === 0) return false;
  const [fewer, more] = portWords.length <= words.length ? [portWords, words] : [words, portWords];
  return fewer.every((word) => more.some((other) => isSameWord(word, other)));
}
