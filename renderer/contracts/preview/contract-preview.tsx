import { type ReactNode, useMemo } from 'react';
import { readOdcsDocument } from '../../../shared/contracts';
import { fieldConstraintWords, fieldTypeWords } from '../../../shared/contracts/field-words';
import { qualityRuleWords } from '../../../shared/contracts/quality-rule-words';
import type { ConstraintWords } from '../../../shared/contracts/type-option-words';
import { writtenFieldsAtEveryDepth } from '../../../shared/contracts/written-fields';
import type { Contract } from '../../../shared/model';
import { counted } from '../../../shared/model';
import { ScrollPane } from '../../app/scroll-pane';
import { InlineMarkdown, Markdown } from '../../markdown/markdown';
import { ContractExampleRecords } from '../../simulation/example-records';
import { useDocumentStore } from '../../store/document-store';
import { useContractText, useDraftErrorCount } from '../contract-drafts';

type OdcsValue = Record<string, unknown>;

/**
 * The contract as a document to read and print: fundamentals, context, schema tables with types,
 * keys, classification and quality rules, service levels, team, servers, support. It
 * follows the editor live (the draft included) and renders Markdown safely.
 */
export default function ContractPreview({ contractId }: { contractId: string }) {
  const text = useContractText(contractId);
  const contract = useDocumentStore((state) => state.mesh?.contracts.find((candidate) => candidate.id === contractId));
  const document = useMemo(() => (text === undefined ? undefined : readOdcsDocument(text)), [text]);
  if (!document || !contract) {
    return (
      <p className="contract-workspace__error">The YAML does not parse: fix it in the YAML view to see the preview.</p>
    );
  }
  return (
    <div className="contract-preview-pane">
      <div className="contract-preview__toolbar">
        <button type="button" onClick={() => window.print()}>
          Print…
        </button>
      </div>
      <article className="contract-preview" aria-label="Contract preview" data-testid="contract-preview">
        <DraftNote contractId={contractId} />
        <PreviewBody document={document} contract={contract} />
        <ContractExampleRecords contractId={contractId} />
      </article>
    </div>
  );
}

/** A draft is not the contract the design holds: say so, printed too, so that no one reads it as agreed. */
function DraftNote({ contractId }: { contractId: string }) {
  const errors = useDraftErrorCount(contractId);
  if (errors === undefined) return null;
  return (
    <p className="contract-preview__draft" role="note" data-testid="contract-preview-draft">
      ⚠ A draft with {counted(errors, 'problem')}, not in the design: shown as its YAML writes it, a value that could
      not be read marked ⚠.
    </p>
  );
}

function PreviewBody({ document, contract }: { document: OdcsValue; contract: Contract }) {
  const description = asObject(document.description);
  const team = Array.isArray(document.team) ? { members: document.team } : asObject(document.team);
  return (
    <>
      <header>
        <h1>{String(document.name ?? contract.name)}</h1>
        <p className="contract-preview__meta">
          <span>version {String(document.version ?? '')}</span>
          {document.status !== undefined && <span>{String(document.status)}</span>}
          <span>
            {contract.kind}
            {contract.isKindDeclared ? '' : ' (inferred)'}
            {contract.keepHistory ? ', with history' : ''}
          </span>
          <span>ODCS {String(document.apiVersion ?? '')}</span>
          <span>
            id <code>{String(document.id ?? '')}</code>
          </span>
        </p>
      </header>
      <Facts
        entries={[
          ['Domain', document.domain],
          ['Data product', document.dataProduct],
          ['Tenant', document.tenant],
          ['Owner', team.name],
          ['Tags', document.tags],
        ]}
      />
      {(['purpose', 'usage', 'limitations'] as const).map((part) =>
        typeof description[part] === 'string' ? (
          <section key={part}>
            <h2>{part[0]?.toUpperCase() + part.slice(1)}</h2>
            <Markdown text={description[part] as string} />
          </section>
        ) : null,
      )}
      <ContextPreview context={document.context} level={2} />
      {asList(document.schema).map((object, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering in document order; names may repeat.
        <SchemaObjectPreview key={`${String(object.name)}-${index}`} object={object} />
      ))}
      <ListTable
        title="Service levels"
        rows={asList(document.slaProperties)}
        columns={['property', 'value', 'unit', 'element', 'driver', 'description']}
      />
      <ListTable
        title="Team"
        rows={asList(team.members)}
        columns={['username', 'name', 'role', 'dateIn', 'dateOut', 'description']}
      />
      <ListTable
        title="Servers"
        rows={asList(document.servers)}
        columns={['server', 'type', 'environment', 'host', 'port', 'database', 'schema', 'topic', 'format']}
      />
      <ListTable
        title="Support"
        rows={asList(document.support)}
        columns={['channel', 'tool', 'scope', 'url', 'description']}
      />
      <ListTable
        title="Roles"
        rows={asList(document.roles)}
        columns={['role', 'access', 'firstLevelApprovers', 'secondLevelApprovers', 'description']}
      />
      {document.price !== undefined && (
        <Facts
          title="Price"
          entries={[
            ['Amount', asObject(document.price).priceAmount],
            ['Currency', asObject(document.price).priceCurrency],
            ['Unit', asObject(document.price).priceUnit],
          ]}
        />
      )}
      <ListTable
        title="Custom properties"
        rows={asList(document.customProperties)}
        columns={['property', 'value', 'description']}
      />
    </>
  );
}

function SchemaObjectPreview({ object }: { object: OdcsValue }) {
  // Nested fields are rows of their own, named by path as the Diagram names them: a printed contract hides none of them.
  const fields = writtenFieldsAtEveryDepth(object.properties).filter((field) => !field.isUnnamedPart);
  const hasConstraints = fields.some(({ property }) => fieldConstraintWords(property).length > 0);
  const columns = hasConstraints ? FIELD_COLUMNS : FIELD_COLUMNS.filter(({ label }) => label !== 'Constraints');
  return (
    <section className="contract-preview__object">
      <h2>
        {String(object.name ?? '')}
        {object.physicalName !== undefined && <small> ({String(object.physicalName)})</small>}
        {object.physicalType !== undefined && <small> · {String(object.physicalType)}</small>}
      </h2>
      {typeof object.description === 'string' && <Markdown text={object.description} />}
      <ContextPreview context={object.context} level={3} />
      <TableScroll label={`Fields of ${String(object.name ?? '')}`}>
        <table>
          <thead>
            <tr>
              {columns.map(({ label }) => (
                <th key={label}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map(({ path, property }, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering in document order; names may repeat.
              <tr key={`${path}-${index}`}>
                {columns.map(({ label, cell }) => (
                  <td key={label} data-label={label}>
                    {cell(property, path)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {asList(object.relationships).length > 0 && (
        <p>
          <strong>Relationships:</strong> {asList(object.relationships).map(relationshipWords).join('; ')}
        </p>
      )}
      {asList(object.quality).length > 0 && (
        <p>
          <strong>Quality:</strong> <QualityRules rules={asList(object.quality)} />
        </p>
      )}
    </section>
  );
}

/** A field table's columns, each cell also labelled with its column for a row shown as a record in a narrow pane. */
const FIELD_COLUMNS: { label: string; cell: (property: OdcsValue, path: string) => ReactNode }[] = [
  { label: 'Field', cell: (_, path) => <code>{path}</code> },
  {
    label: 'Type',
    cell: (property) => (
      <>
        {fieldTypeWords(property)}
        {property.physicalType !== undefined && <small> ({String(property.physicalType)})</small>}
      </>
    ),
  },
  { label: 'Constraints', cell: (property) => <Constraints property={property} /> },
  { label: 'Keys', cell: keysOf },
  { label: 'Required', cell: (property) => (property.required === true ? 'yes' : '') },
  {
    label: 'Classification',
    cell: (property) => (property.classification === undefined ? '' : String(property.classification)),
  },
  {
    label: 'Description',
    cell: (property) => typeof property.description === 'string' && <InlineMarkdown text={property.description} />,
  },
  { label: 'Quality', cell: (property) => <QualityRules rules={asList(property.quality)} /> },
];

/** A schema object's relationship, composite keys in order: `(a.x, a.y) → (b.x, b.y)`. */
function relationshipWords(relationship: OdcsValue): string {
  const ends = (end: unknown) => (Array.isArray(end) ? `(${end.map(String).join(', ')})` : String(end ?? ''));
  const type = relationship.type === undefined ? '' : ` (${String(relationship.type)})`;
  return `${ends(relationship.from)} → ${ends(relationship.to)}${type}`;
}

function keysOf(property: OdcsValue): string {
  const keys = [
    ...(property.primaryKey === true
      ? [
          `PK${typeof property.primaryKeyPosition === 'number' && property.primaryKeyPosition > 0 ? ` ${property.primaryKeyPosition}` : ''}`,
        ]
      : []),
    ...(property.unique === true ? ['unique'] : []),
    ...asList(property.relationships).map((relationship) => `→ ${String(relationship.to ?? '')}`),
  ];
  return keys.join(', ');
}

function Constraints({ property }: { property: OdcsValue }) {
  return fieldConstraintWords(property).map(({ part, label, constraints }) => (
    <div key={part} className="contract-preview__values">
      {label && `${label}: `}
      <Words words={constraints} separator=", " />
    </div>
  ));
}

function QualityRules({ rules }: { rules: OdcsValue[] }) {
  return rules.map((rule, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of the rules in document order.
    <span key={index}>
      {index > 0 && '; '}
      <Words words={qualityRuleWords(rule)} separator=" " />
    </span>
  ));
}

/** Words said in order, what is to be shown as written (a pattern, an SQL query) in a code span, a value not read marked. */
function Words({ words, separator }: { words: ConstraintWords[]; separator: string }) {
  return words.map(({ words: said, code, unreadable }, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering in the order the words are said.
    <span key={index}>
      {index > 0 && separator}
      {said}
      {code !== undefined && (
        <>
          {said && ' '}
          <code>{code}</code>
        </>
      )}
      {unreadable !== undefined && <mark className="contract-preview__unreadable"> ⚠ {unreadable}</mark>}
    </span>
  ));
}

function Facts({ title, entries }: { title?: string; entries: [string, unknown][] }) {
  const shown = entries.filter(([, value]) => value !== undefined && value !== null);
  if (shown.length === 0) return null;
  return (
    <section>
      {title && <h2>{title}</h2>}
      <dl className="contract-preview__facts">
        {shown.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** ODCS 3.2's `context`, guidance for AI agents and tools: its instructions (all a text shorthand says), verified statements and constraints. */
function ContextPreview({ context, level }: { context: unknown; level: HeadingLevel }) {
  const parts = typeof context === 'string' ? { instructions: context } : asObject(context);
  const statements = asList(parts.verifiedStatements);
  const constraints = asList(parts.constraints);
  if (typeof parts.instructions !== 'string' && statements.length === 0 && constraints.length === 0) return null;
  const Heading = HEADINGS[level];
  const partLevel = Math.min(level + 1, 4) as HeadingLevel;
  return (
    <section>
      <Heading>Context</Heading>
      {typeof parts.instructions === 'string' && <Markdown text={parts.instructions} />}
      <ListTable title="Verified statements" rows={statements} columns={['question', 'answer']} level={partLevel} />
      <ListTable title="Constraints" rows={constraints} columns={['constraint']} level={partLevel} />
    </section>
  );
}

type HeadingLevel = 2 | 3 | 4;
const HEADINGS = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

function ListTable({
  title,
  rows,
  columns,
  level = 2,
}: {
  title: string;
  rows: OdcsValue[];
  columns: string[];
  level?: HeadingLevel;
}) {
  if (rows.length === 0) return null;
  // The usual columns first, then whatever else a row writes (a server's location, warehouse…): the printed contract hides nothing the YAML says.
  const written = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const used = [...columns, ...written.filter((key) => !columns.includes(key))].filter((column) =>
    rows.some((row) => row[column] !== undefined),
  );
  const Heading = HEADINGS[level];
  return (
    <section>
      <Heading>{title}</Heading>
      <TableScroll label={title}>
        <table>
          <thead>
            <tr>
              {used.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of a list in document order.
              <tr key={index}>
                {used.map((column) => (
                  <td key={column} data-label={column}>
                    {formatCell(row[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * A table that scrolls sideways on its own, its scrollbar right under it, should a wide pane's table
 * still not fit; a narrow pane shows each row as a record instead (contract-workspace.css).
 */
function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ScrollPane className="contract-preview__table-scroll" label={label}>
      {children}
    </ScrollPane>
  );
}

function formatCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function asObject(value: unknown): OdcsValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as OdcsValue) : {};
}

function asList(value: unknown): OdcsValue[] {
  return Array.isArray(value) ? value.map(asObject) : [];
}
