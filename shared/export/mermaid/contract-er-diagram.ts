import { readOdcsDocument } from '../../contracts/contract-edits';
import { type DiagramField, type DiagramTable, schemaDiagramOf } from '../../contracts/schema-diagram';
import type { Contract } from '../../model';
import { mermaidTitle } from './diagram-title';
import { attributeComment } from './er-attribute-comment';
import { attributeType } from './er-attribute-type';
import { attributeWord } from './er-attribute-word';
import { createMermaidIds, mermaidString } from './mermaid-text';

const INDENT = '  ';

/** A contract's schema as a Mermaid `erDiagram`, and how many relationships it draws (Mermaid limits edges). */
export interface ContractErDiagram {
  text: string;
  relationshipCount: number;
}

/**
 * A contract's schema as a Mermaid `erDiagram`, as Data Contract CLI's `export --format mermaid`
 * writes one: each schema object an entity with its properties (type, the physical one where it
 * reads back as the logical one, name, `PK`/`FK`/`UK`, `required`, `measure` for an ODCS 3.2
 * measure), each ODCS relationship a many-to-one line
 * labelled with the fields it joins. An object the contract refers to but does not hold is an
 * entity named after the contract that holds it (`customers (contract Customers)`). Names go in
 * quoted, entity-coded labels, as in the flowcharts; a property name Mermaid cannot take as a word
 * is written with `_` and its name in the comment.
 */
export function contractErDiagram(contract: Contract, contracts: readonly Contract[]): ContractErDiagram {
  const document = readOdcsDocument(contract.odcs);
  const { tables, edges } = document ? schemaDiagramOf(document) : { tables: [], edges: [] };
  const ids = createMermaidIds();
  const idOf = (table: string) => ids('object', table);
  const foreignKeys = new Set(edges.map((edge) => `${edge.from.table}.${edge.from.field}`));
  const lines = ['---', `title: ${mermaidTitle(`Schema of contract ${contract.name} ${contract.version}`)}`, '---'];
  lines.push('erDiagram');
  for (const drawn of tables) {
    const holder = drawn.isExternal ? holderOf(drawn.name, contract, contracts) : undefined;
    const table = holder ? withTypesOf(holder, drawn) : drawn;
    const label = drawn.isExternal
      ? `${table.name} (${holder ? `contract ${holder.name}` : 'not in this contract'})`
      : table.name;
    lines.push(`${INDENT}${idOf(table.name)}[${mermaidString(label)}] {`);
    const names = attributeNames(table.fields);
    table.fields.forEach((field, index) => {
      const isForeignKey = foreignKeys.has(`${table.name}.${field.name}`);
      lines.push(`${INDENT}${INDENT}${attributeLine(field, names[index] as string, isForeignKey)}`);
    });
    lines.push(`${INDENT}}`);
  }
  for (const { from, to } of edges) {
    const label = mermaidString(`${from.field} → ${to.field}`);
    lines.push(`${INDENT}${idOf(from.table)} }o--|| ${idOf(to.table)} : ${label}`);
  }
  return { text: `${lines.join('\n')}\n`, relationshipCount: edges.length };
}

/**
 * Each field's name as an attribute word, distinct within its entity: a name Mermaid takes as it
 * is keeps it, and a written one that would be the same as another gets `_2`, `_3`.
 */
function attributeNames(fields: readonly DiagramField[]): string[] {
  const words = fields.map((field) => attributeWord(field.name));
  const taken = new Set(words.filter((word, index) => word === fields[index]?.name));
  return words.map((word, index) => {
    if (word === fields[index]?.name) return word;
    let name = word;
    for (let suffix = 2; taken.has(name); suffix++) name = `${word}_${suffix}`;
    taken.add(name);
    return name;
  });
}

function attributeLine(field: DiagramField, name: string, isForeignKey: boolean): string {
  const type = attributeType(field);
  const keys = [field.isPrimaryKey && 'PK', isForeignKey && 'FK', field.isUnique && 'UK'].filter(Boolean).join(', ');
  const notes = attributeComment(field, name);
  return [type, name, keys, notes && mermaidString(notes)].filter(Boolean).join(' ');
}

/** The other contract that holds a schema object of this name, as far as the design tells. */
function holderOf(
  table: DiagramTable['name'],
  contract: Contract,
  contracts: readonly Contract[],
): Contract | undefined {
  return contracts.find((other) => other.id !== contract.id && other.schema.some((object) => object.name === table));
}

/** A table of another contract with the types that contract gives its properties. */
function withTypesOf(holder: Contract, table: DiagramTable): DiagramTable {
  const properties = holder.schema.find((object) => object.name === table.name)?.properties ?? [];
  const typeOf = (field: string) => properties.find((property) => property.name === field)?.logicalType ?? '';
  return { ...table, fields: table.fields.map((field) => ({ ...field, logicalType: typeOf(field.name) })) };
}
