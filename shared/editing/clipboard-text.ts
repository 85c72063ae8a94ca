import { z } from 'zod';
import { contractTextCodec } from '../contracts/contract-text';
import {
  ContractSchema,
  checkIntegrity,
  controlCharactersHeld,
  DataProductSchema,
  DomainSchema,
  formatProblem,
  LinkSchema,
  type Mesh,
  NodeLayoutSchema,
  NoteSchema,
  namedProblem,
  OperationalSystemSchema,
  type Problem,
  portPlaces,
  type Result,
  readContractTexts,
} from '../model';
import { schemaProblems } from '../model/schema-issue-text';
import { type MeshFragment, type PastedElements, type PastePlacement, pasteFragment } from './mesh-fragment';
import type { SizeOf } from './node-placement';

/**
 * Copied elements travel through the system clipboard as JSON text, so they paste into another
 * window or design and can be read or edited in any text editor. The `format` field tells our
 * text from anything else on the clipboard.
 */
export const CLIPBOARD_FORMAT = 'data-mesh-designer/elements';
const CLIPBOARD_VERSION = 1;

const ClipboardFragmentSchema = z.strictObject({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(CLIPBOARD_VERSION),
  domains: z.array(DomainSchema),
  products: z.array(DataProductSchema),
  systems: z.array(OperationalSystemSchema),
  links: z.array(LinkSchema),
  contracts: z.array(ContractSchema),
  notes: z.array(NoteSchema).default([]),
  layout: z.record(z.string(), NodeLayoutSchema),
  hostDomains: z.array(DomainSchema),
});

/** A refused paste shows this many of its problems; the count says how many there are in all. */
const SHOWN_PROBLEMS = 2;

export function fragmentToText(fragment: MeshFragment): string {
  return `${JSON.stringify({ format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, ...fragment }, null, 2)}\n`;
}

/** Whether clipboard text claims to be copied elements (it may still be broken). */
export function looksLikeElements(text: string): boolean {
  return text.includes(`"${CLIPBOARD_FORMAT}"`);
}

/** Reads copied elements from clipboard text; every problem is located (`products[0].name: …`). */
export function fragmentFromText(text: string): Result<MeshFragment> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(clipboard)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = ClipboardFragmentSchema.safeParse(json);
  if (!parsed.success) {
    // In the words opening a file uses: each field at its place, never zod's own wording.
    return { ok: false, errors: schemaProblems(parsed.error.issues, json, ClipboardFragmentSchema) };
  }
  const { format: _format, version: _version, ...fragment } = parsed.data;
  const refusedNames = namesWithControlCharacters(fragment);
  if (refusedNames.length > 0) return { ok: false, errors: refusedNames };
  // As a file is opened: a contract is what its text says, and text edited into YAML that no longer reads is refused here.
  const contracts = readContractTexts(
    contractTextCodec,
    fragment.contracts.map((contract) => contract.odcs),
  );
  if (!contracts.ok) return contracts;
  return { ok: true, value: { ...fragment, contracts: contracts.value } };
}

/**
 * Names in text edited by hand that the inspector would refuse to have typed (a tab, a line break,
 * U+0007): refused as an empty name is, where they stand, rather than pasted and then flagged.
 */
function namesWithControlCharacters(fragment: Omit<MeshFragment, 'contracts'>): Problem[] {
  const places = (items: ReadonlyArray<{ name: string }>, path: string) =>
    items.map((item, index) => ({ name: item.name, path: `${path}[${index}]` }));
  const named = [
    ...places(fragment.domains, 'domains'),
    ...places(fragment.hostDomains, 'hostDomains'),
    ...fragment.products.flatMap((product, index) => {
      const path = `products[${index}]`;
      return [{ name: product.name, path }, ...portPlaces(product, path)];
    }),
    ...fragment.systems.flatMap((system, index) => {
      const path = `systems[${index}]`;
      return [{ name: system.name, path }, ...places(system.messaging.topics, `${path}.messaging.topics`)];
    }),
  ];
  return named.flatMap(({ name, path }) => {
    const controls = controlCharactersHeld(name);
    return controls ? [{ path: `${path}.name`, message: `a name cannot hold ${controls}` }] : [];
  });
}

/**
 * Pastes copied elements from clipboard text, only when the document that results is one the file
 * format accepts (references resolve, ids are unique); otherwise nothing changes and the problems
 * are returned, located in the document the paste would have made.
 */
export function pasteText(
  mesh: Mesh,
  text: string,
  placement: PastePlacement,
  sizeOf?: SizeOf,
): Result<PastedElements> {
  const fragment = fragmentFromText(text);
  if (!fragment.ok) return fragment;
  const pasted = pasteFragment(mesh, fragment.value, placement, sizeOf);
  const problems = checkIntegrity(pasted.mesh);
  if (problems.length > 0) return { ok: false, errors: problems.map((problem) => namedProblem(pasted.mesh, problem)) };
  return { ok: true, value: pasted };
}

/** What the status bar says of a refused paste: how many problems, and the first of them. */
export function pasteRefusal(problems: readonly Problem[]): { text: string; details: string[] } {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const hidden = problems.length - SHOWN_PROBLEMS;
  return {
    text: `Nothing was pasted: the copied elements have ${count}.`,
    details: [...problems.slice(0, SHOWN_PROBLEMS).map(formatProblem), ...(hidden > 0 ? [`and ${hidden} more`] : [])],
  };
}
