/**
 * The app's own diagrams other than the logical view, told by the titles the export gives them:
 * their boxes are ports, steps or whole domains, which would import as data products that are not.
 * A summary's title is the whole diagram's with `, by domain` after it, so it is told first.
 */
const NOT_DESIGNS: ReadonlyArray<{ isTitled: (title: string) => boolean; what: string }> = [
  { isTitled: (title) => title.endsWith(', by domain'), what: 'a domain summary (each box a whole domain)' },
  { isTitled: (title) => title.startsWith('Lineage:'), what: 'a lineage diagram (its boxes are ports)' },
  { isTitled: (title) => title.startsWith('Data product architecture:'), what: 'a data product’s architecture' },
  { isTitled: (title) => title.startsWith('Data retrieval flow:'), what: 'a data retrieval flow' },
];

/** Why a flowchart of this title cannot be read back as a design; nothing when it can. */
export function whyNotADesign(title: string | undefined): string | undefined {
  const kind = title === undefined ? undefined : NOT_DESIGNS.find(({ isTitled }) => isTitled(title));
  return kind && `This is ${kind.what}: only a logical view or a plain flowchart reads back as a design.`;
}
