import { moveBy } from '../../shared/editing/list-edits';
import {
  withColumnAdded,
  withColumnRemoved,
  withColumnRenamed,
  withColumnUpdated,
  withPrimaryKeyToggled,
} from '../../shared/editing/table-edits';
import { ColumnTypeSchema, MAX_NUMERIC_PRECISION, type Table } from '../../shared/model';
import { UserText } from '../app/user-text';
import type { ChangeOptions } from '../store/document-store';
import { CheckField } from './fields/check-field';
import { ChoiceField } from './fields/choice-field';
import { uniqueAmong } from './fields/name-checks';
import { NameField } from './fields/name-field';
import { NumberField } from './fields/number-field';
import { TextField } from './fields/text-field';
import { ListEditor } from './list-editor';

export interface TableCommands<T extends Table> {
  add(): void;
  remove(index: number): void;
  move(index: number, offset: number): void;
  rename(index: number, name: string, options?: ChangeOptions): void;
  edit(index: number, recipe: (table: T) => T, options?: ChangeOptions): void;
}

interface TableListProps<T extends Table> {
  fieldKey: string;
  tables: readonly T[];
  commands: TableCommands<T>;
  /** Fields a kind of table adds (a system table's CDC flag). */
  extraFields?(table: T, index: number): React.ReactNode;
}

/** Tables with their columns, types, nullability and primary key: a product's storage or a system's database. */
export function TableList<T extends Table>({ fieldKey, tables, commands, extraFields }: TableListProps<T>) {
  return (
    <ListEditor
      noun="table"
      items={tables}
      itemKey={(_, index) => String(index)}
      itemLabel={(table) => table.name}
      onAdd={commands.add}
      onRemove={commands.remove}
      onMove={commands.move}
      renderItem={(table, index) => (
        <>
          <NameField
            label="Table name"
            fieldKey={`${fieldKey}.${index}.name`}
            value={table.name}
            check={uniqueAmong(tables, index, 'Another table')}
            onChange={(name, options) => commands.rename(index, name, options)}
          />
          {extraFields?.(table, index)}
          <TextField
            label="Description"
            fieldKey={`${fieldKey}.${index}.description`}
            value={table.description ?? ''}
            onChange={(description, options) =>
              commands.edit(index, (current) => ({ ...current, description }), options)
            }
          />
          <ColumnList
            fieldKey={`${fieldKey}.${index}.columns`}
            table={table}
            change={(recipe, options) => commands.edit(index, recipe, options)}
          />
        </>
      )}
    />
  );
}

function ColumnList<T extends Table>({
  fieldKey,
  table,
  change,
}: {
  fieldKey: string;
  table: T;
  change(recipe: (table: T) => T, options?: ChangeOptions): void;
}) {
  return (
    <div className="nested-list">
      <div className="nested-list__title">
        Columns of <UserText text={table.name} />
      </div>
      <ListEditor
        noun="column"
        items={table.columns}
        itemKey={(_, index) => String(index)}
        itemLabel={(column) => column.name}
        onAdd={() => change(withColumnAdded)}
        onRemove={(index) => {
          const column = table.columns[index];
          if (column) change((current) => withColumnRemoved(current, column.name));
        }}
        onMove={(index, offset) =>
          change((current) => ({ ...current, columns: moveBy(current.columns, index, offset) }))
        }
        renderItem={(column, index) => (
          <>
            <div className="field-row">
              <NameField
                label="Column"
                fieldKey={`${fieldKey}.${index}.name`}
                value={column.name}
                check={uniqueAmong(table.columns, index, `Another column of ${table.name}`)}
                onChange={(name, options) =>
                  change((current) => withColumnRenamed(current, column.name, name), options)
                }
              />
              <ChoiceField
                label="Type"
                value={column.type}
                options={ColumnTypeSchema.options}
                onChange={(type, options) =>
                  change((current) => withColumnUpdated(current, column.name, { type }), options)
                }
              />
              <CheckField
                label="Nullable"
                checked={column.nullable}
                onChange={(nullable) => change((current) => withColumnUpdated(current, column.name, { nullable }))}
              />
              <CheckField
                label="Key"
                checked={table.primaryKey.includes(column.name)}
                onChange={() => change((current) => withPrimaryKeyToggled(current, column.name))}
              />
            </div>
            {column.type === 'numeric' && (
              <div className="field-row">
                <NumberField
                  label="Precision"
                  fieldKey={`${fieldKey}.${index}.precision`}
                  value={column.precision}
                  isOptional
                  integer
                  min={1}
                  max={MAX_NUMERIC_PRECISION}
                  onChange={(precision, options) =>
                    change((current) => withColumnUpdated(current, column.name, { precision }), options)
                  }
                />
                <NumberField
                  label="Scale"
                  fieldKey={`${fieldKey}.${index}.scale`}
                  value={column.scale}
                  isOptional
                  integer
                  min={0}
                  max={column.precision ?? 0}
                  onChange={(scale, options) =>
                    change((current) => withColumnUpdated(current, column.name, { scale }), options)
                  }
                />
              </div>
            )}
            <TextField
              label="Description"
              fieldKey={`${fieldKey}.${index}.description`}
              value={column.description ?? ''}
              onChange={(description, options) =>
                change((current) => withColumnUpdated(current, column.name, { description }), options)
              }
            />
          </>
        )}
      />
    </div>
  );
}
