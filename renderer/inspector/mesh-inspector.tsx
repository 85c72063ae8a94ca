import { ContractList } from '../contracts/contract-list';
import { DesignDiagrams } from '../diagrams/design-diagrams';
import { changeMesh, useDocumentStore } from '../store/document-store';
import { requiredName } from './fields/name-checks';
import { NameField } from './fields/name-field';
import { TextField } from './fields/text-field';
import { PolicyList } from './policy-list';

/** With nothing selected: the design itself. */
export function MeshInspector() {
  const name = useDocumentStore((state) => state.mesh?.name ?? '');
  const description = useDocumentStore((state) => state.mesh?.description ?? '');
  return (
    <div className="inspector" data-testid="mesh-inspector">
      <h2 className="inspector__title">Design</h2>
      <NameField
        fieldKey="mesh.name"
        value={name}
        check={requiredName}
        onChange={(next, options) =>
          changeMesh((mesh) => (mesh.name === next ? mesh : { ...mesh, name: next }), options)
        }
      />
      <TextField
        label="Description"
        fieldKey="mesh.description"
        value={description}
        onChange={(next, options) =>
          changeMesh((mesh) => (mesh.description === next ? mesh : { ...mesh, description: next }), options)
        }
      />
      <p className="inspector__note">
        Select a domain, product, system or link to edit it. Add elements from the palette on the left, or press D, P or
        S. Press ? for every shortcut.
      </p>
      <DesignDiagrams />
      <ContractList />
      <PolicyList />
    </div>
  );
}
