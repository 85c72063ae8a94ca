import { productById } from '../../shared/editing/mesh-index';
import { newTable } from '../../shared/editing/table-edits';
import { newTransformation } from '../../shared/editing/transformations';
import {
  type DataProduct,
  firstFreeName,
  type Mesh,
  type ProductKind,
  ProductKindSchema,
  type QualityTest,
  type Slo,
  type Table,
  type Transformation,
} from '../../shared/model';
import { DiagramButtons } from '../diagrams/diagram-buttons';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { type OnIdChanged, takeIdFromFirstName } from '../store/first-name-id';
import { updateProduct } from '../store/product-actions';
import { ChoiceField } from './fields/choice-field';
import { DomainField } from './fields/domain-field';
import { elementNameCheck, uniqueAmong } from './fields/name-checks';
import { NameField } from './fields/name-field';
import { NumberField } from './fields/number-field';
import { OwnerField } from './fields/owner-field';
import { TextField } from './fields/text-field';
import { InspectorSection } from './inspector-section';
import { type ListAccess, listCommands, type OwnerUpdate } from './list-commands';
import { ListEditor } from './list-editor';
import { NodeActions } from './node-actions';
import { DiscoveryPortFields, PortList } from './port-list';
import { TableList } from './table-list';

type PipelineStage = DataProduct['pipeline']['stages'][number];

const SEVERITIES = ['info', 'warning', 'error'] as const;
const SLO_KINDS = ['freshness', 'completeness', 'availability'] as const;

const TRANSFORMATIONS: ListAccess<DataProduct, Transformation> = {
  read: (product) => product.transformations,
  write: (product, transformations) => ({ ...product, transformations }),
};
const TESTS: ListAccess<DataProduct, QualityTest> = {
  read: (product) => product.tests,
  write: (product, tests) => ({ ...product, tests }),
};
const SLOS: ListAccess<DataProduct, Slo> = {
  read: (product) => product.observability.slos,
  write: (product, slos) => ({ ...product, observability: { ...product.observability, slos } }),
};
const STAGES: ListAccess<DataProduct, PipelineStage> = {
  read: (product) => product.pipeline.stages,
  write: (product, stages) => ({ ...product, pipeline: { ...product.pipeline, stages } }),
};
const TABLES: ListAccess<DataProduct, Table> = {
  read: (product) => product.storage.tables,
  write: (product, tables) => ({ ...product, storage: { ...product.storage, tables } }),
};

const freshName = (base: string) => (existing: readonly { name: string }[]) =>
  firstFreeName(
    base,
    existing.map((item) => item.name),
    '_',
  );

/** Every field of a data product: identity, ports, storage, code, docs, tests, SLOs and pipeline. */
export function ProductInspector({ productId, onIdChanged }: { productId: string; onIdChanged: OnIdChanged }) {
  const product = useDocumentStore((state) => (state.mesh ? productById(state.mesh, productId) : undefined));
  if (!product) return null;
  const key = product.id;
  const update: OwnerUpdate<DataProduct> = (recipe, options) => updateProduct(product.id, recipe, options);
  // The inspector shows a product of the open document, so there is one.
  const transformations = listCommands(update, TRANSFORMATIONS, () =>
    newTransformation(currentMesh() as Mesh, product),
  );
  const tests = listCommands(
    update,
    TESTS,
    (existing): QualityTest => ({
      name: freshName('test')(existing),
      sql: 'select * from output where id is null',
      severity: 'error',
    }),
  );
  const slos = listCommands(update, SLOS, (): Slo => ({ kind: 'freshness', target: 15, unit: 'minutes' }));
  const stages = listCommands(update, STAGES, (existing) => ({ name: freshName('stage')(existing), command: '' }));
  const tables = listCommands(update, TABLES, newTable);

  return (
    <div className="inspector" data-testid="product-inspector">
      <h2 className="inspector__title">Data product</h2>
      <NodeActions nodeId={product.id} canFocusLineage />
      <DiagramButtons subject={{ kind: 'product', id: product.id }} />
      <InspectorSection title="General" open>
        <NameField
          accessibleName="Product name"
          fieldKey={`${key}.name`}
          value={product.name}
          check={elementNameCheck({ kind: 'product', id: product.id })}
          focusFor={product.id}
          onFirstNamed={(options) => takeIdFromFirstName(product.id, options, onIdChanged)}
          onChange={(name, options) => updateProduct(product.id, { name }, options)}
        />
        <DomainField nodeIds={[product.id]} domainId={product.domainId} />
        <ChoiceField<ProductKind>
          label="Kind"
          value={product.kind}
          options={ProductKindSchema.options}
          onChange={(kind, options) => updateProduct(product.id, { kind }, options)}
        />
        <OwnerField
          label="Owner"
          fieldKey={`${key}.owner`}
          value={product.owner}
          onChange={(owner, options) => updateProduct(product.id, { owner }, options)}
        />
        <TextField
          label="Description"
          fieldKey={`${key}.description`}
          value={product.description}
          onChange={(description, options) => updateProduct(product.id, { description }, options)}
        />
      </InspectorSection>
      <InspectorSection title="Ports" open>
        <PortList product={product} direction="input" />
        <PortList product={product} direction="output" />
        <DiscoveryPortFields product={product} />
      </InspectorSection>
      <InspectorSection title="Storage">
        <TextField
          label="Engine"
          fieldKey={`${key}.storage.engine`}
          value={product.storage.engine}
          onChange={(engine, options) =>
            update((current) => ({ ...current, storage: { ...current.storage, engine } }), options)
          }
        />
        <TableList
          fieldKey={`${key}.storage.tables`}
          tables={product.storage.tables}
          commands={{ ...tables, rename: (index, name, options) => tables.change(index, { name }, options) }}
        />
      </InspectorSection>
      <InspectorSection title="Transformations (SQL)">
        <ListEditor
          noun="transformation"
          items={product.transformations}
          itemKey={(_, index) => String(index)}
          itemLabel={(item) => item.name}
          onAdd={transformations.add}
          onRemove={transformations.remove}
          onMove={transformations.move}
          renderItem={(item, index) => (
            <>
              <NameField
                fieldKey={`${key}.transformations.${index}.name`}
                value={item.name}
                check={uniqueAmong(product.transformations, index, 'Another transformation')}
                onChange={(name, options) => transformations.change(index, { name }, options)}
              />
              <TextField
                label="SQL"
                code
                fieldKey={`${key}.transformations.${index}.sql`}
                value={item.sql}
                onChange={(sql, options) => transformations.change(index, { sql }, options)}
              />
              <TextField
                label="Description"
                fieldKey={`${key}.transformations.${index}.description`}
                value={item.description ?? ''}
                onChange={(description, options) => transformations.change(index, { description }, options)}
              />
            </>
          )}
        />
      </InspectorSection>
      <InspectorSection title="Documentation (markdown)">
        <TextField
          label="Documentation"
          code
          fieldKey={`${key}.documentation`}
          value={product.documentation}
          placeholder="# What this product serves, for whom, and how to use it"
          onChange={(documentation, options) => updateProduct(product.id, { documentation }, options)}
        />
      </InspectorSection>
      <InspectorSection title="Quality tests">
        <ListEditor
          noun="test"
          items={product.tests}
          itemKey={(_, index) => String(index)}
          itemLabel={(item) => item.name}
          onAdd={tests.add}
          onRemove={tests.remove}
          onMove={tests.move}
          renderItem={(item, index) => (
            <>
              <NameField
                fieldKey={`${key}.tests.${index}.name`}
                value={item.name}
                check={uniqueAmong(product.tests, index, 'Another test')}
                onChange={(name, options) => tests.change(index, { name }, options)}
              />
              <ChoiceField
                label="Severity"
                value={item.severity}
                options={SEVERITIES}
                onChange={(severity, options) => tests.change(index, { severity }, options)}
              />
              <TextField
                label="SQL returning violating rows"
                code
                fieldKey={`${key}.tests.${index}.sql`}
                value={item.sql}
                onChange={(sql, options) => tests.change(index, { sql }, options)}
              />
              <TextField
                label="Description"
                fieldKey={`${key}.tests.${index}.description`}
                value={item.description ?? ''}
                onChange={(description, options) => tests.change(index, { description }, options)}
              />
            </>
          )}
        />
      </InspectorSection>
      <InspectorSection title="Service levels (SLOs)">
        <ListEditor
          noun="SLO"
          items={product.observability.slos}
          itemKey={(_, index) => String(index)}
          itemLabel={(item) => item.kind}
          onAdd={slos.add}
          onRemove={slos.remove}
          onMove={slos.move}
          renderItem={(item, index) => (
            <>
              <div className="field-row">
                <ChoiceField
                  label="Kind"
                  value={item.kind}
                  options={SLO_KINDS}
                  onChange={(kind, options) => slos.change(index, { kind }, options)}
                />
                <NumberField
                  label="Target"
                  fieldKey={`${key}.slos.${index}.target`}
                  value={item.target}
                  onChange={(target, options) => slos.change(index, { target }, options)}
                />
                <TextField
                  label="Unit"
                  fieldKey={`${key}.slos.${index}.unit`}
                  value={item.unit}
                  onChange={(unit, options) => slos.change(index, { unit }, options)}
                />
              </div>
              <TextField
                label="Description"
                fieldKey={`${key}.slos.${index}.description`}
                value={item.description ?? ''}
                onChange={(description, options) => slos.change(index, { description }, options)}
              />
            </>
          )}
        />
      </InspectorSection>
      <InspectorSection title="Pipeline (CI/CD)">
        <ListEditor
          noun="stage"
          items={product.pipeline.stages}
          itemKey={(_, index) => String(index)}
          itemLabel={(item) => item.name}
          onAdd={stages.add}
          onRemove={stages.remove}
          onMove={stages.move}
          renderItem={(item, index) => (
            <>
              <NameField
                fieldKey={`${key}.stages.${index}.name`}
                value={item.name}
                check={uniqueAmong(product.pipeline.stages, index, 'Another stage')}
                onChange={(name, options) => stages.change(index, { name }, options)}
              />
              <TextField
                label="Command"
                code
                fieldKey={`${key}.stages.${index}.command`}
                value={item.command}
                onChange={(command, options) => stages.change(index, { command }, options)}
              />
            </>
          )}
        />
      </InspectorSection>
    </div>
  );
}
