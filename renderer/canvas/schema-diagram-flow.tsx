import {
  type Connection,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useMemo } from 'react';
import {
  type DiagramSide,
  type DiagramTable,
  edgeSides,
  type FieldRef,
  type SchemaDiagram,
  tableColumns,
} from '../../shared/contracts';
import { CanvasGrid } from './canvas-grid';

type TableNode = Node<{ table: DiagramTable }, 'table'>;

const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 24;
const TABLE_GAP = 40;
const FIT_VIEW_OPTIONS = { maxZoom: 1.2, padding: 0.1 };

/**
 * A contract's schema as tables and relationships on React Flow (the one place the app
 * draws with it). Tables are laid out in columns by their relationships, never stored;
 * dragging from a field's right dot to another field asks for a relationship between them.
 */
export function SchemaDiagramFlow({
  diagram,
  onConnectFields,
}: {
  diagram: SchemaDiagram;
  onConnectFields: (from: FieldRef, to: FieldRef) => void;
}) {
  const columns = useMemo(() => tableColumns(diagram), [diagram]);
  const nodes = useMemo(() => tableNodes(diagram.tables, columns), [diagram.tables, columns]);
  const edges = useMemo<Edge[]>(
    () =>
      diagram.edges.map((edge) => ({
        id: edge.id,
        source: edge.from.table,
        sourceHandle: handleId('out', edgeSides(edge, columns).from, edge.from.field),
        target: edge.to.table,
        targetHandle: handleId('in', edgeSides(edge, columns).to, edge.to.field),
        label: edge.type === 'foreignKey' ? undefined : edge.type,
        markerEnd: { type: MarkerType.ArrowClosed },
        className: 'schema-edge',
      })),
    [diagram.edges, columns],
  );
  const onConnect = (connection: Connection) => {
    const from = fieldOf(connection.source, connection.sourceHandle);
    const to = fieldOf(connection.target, connection.targetHandle);
    if (from && to) onConnectFields(from, to);
  };
  return (
    <ReactFlowProvider>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onConnect={onConnect}
        nodesDraggable={false}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <CanvasGrid gridSize={16} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}

function tableNodes(tables: readonly DiagramTable[], columns: ReadonlyMap<string, number>): TableNode[] {
  const columnHeights: number[] = [];
  return tables.map((table) => {
    const column = columns.get(table.name) ?? 0;
    const y = columnHeights[column] ?? 0;
    columnHeights[column] = y + (table.fields.length + 1) * ROW_HEIGHT + TABLE_GAP;
    return { id: table.name, type: 'table', position: { x: column * COLUMN_WIDTH, y }, data: { table } };
  });
}

/** A field's dot: the ones a drag starts (right) and ends (left) at are `out:` and `in:`, those only edges use name their side. */
function handleId(end: 'in' | 'out', side: DiagramSide, field: string): string {
  const isDragged = (end === 'out' && side === 'right') || (end === 'in' && side === 'left');
  return isDragged ? `${end}:${field}` : `${end}-${side}:${field}`;
}

function fieldOf(table: string | null, handle: string | null | undefined): FieldRef | undefined {
  if (!table || !handle) return undefined;
  return { table, field: handle.replace(/^(in|out):/, '') };
}

const TableNodeView = memo(function TableNodeView({ data }: NodeProps<TableNode>) {
  const { table } = data;
  return (
    <div
      className={`schema-table${table.isExternal ? ' schema-table--external' : ''}`}
      data-testid={`schema-table-${table.name}`}
    >
      <div className="schema-table__name" title={table.isExternal ? 'Not in this contract' : table.physicalName}>
        {table.name}
        {table.isExternal && <span className="schema-table__external">external</span>}
      </div>
      {table.fields.map((field) => (
        <div key={field.name} className="schema-table__field" data-field={field.name}>
          <Handle type="target" position={Position.Left} id={`in:${field.name}`} className="schema-table__handle" />
          {/* Where a line to or from a table on the left ends: drawn under the dragged dot, never dragged itself. */}
          <Handle
            type="source"
            position={Position.Left}
            id={handleId('out', 'left', field.name)}
            isConnectable={false}
            className="schema-table__line-end"
          />
          <span className="schema-table__key">{field.isPrimaryKey ? 'PK' : field.isUnique ? 'U' : ''}</span>
          <span className={`schema-table__field-name${field.isRequired ? ' is-required' : ''}`}>
            {field.name}
            {field.isMeasure && (
              <span className="schema-table__measure" title="Computed when queried, not stored">
                measure
              </span>
            )}
          </span>
          <span className="schema-table__type">{field.logicalType}</span>
          <Handle
            type="target"
            position={Position.Right}
            id={handleId('in', 'right', field.name)}
            isConnectable={false}
            className="schema-table__line-end"
          />
          <Handle type="source" position={Position.Right} id={`out:${field.name}`} className="schema-table__handle" />
        </div>
      ))}
    </div>
  );
});

const NODE_TYPES = { table: TableNodeView };
