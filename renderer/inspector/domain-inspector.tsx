import { domainById } from '../../shared/editing/mesh-index';
import { DiagramButtons } from '../diagrams/diagram-buttons';
import { useDocumentStore } from '../store/document-store';
import { updateDomain } from '../store/domain-actions';
import { type OnIdChanged, takeIdFromFirstName } from '../store/first-name-id';
import { elementNameCheck } from './fields/name-checks';
import { NameField } from './fields/name-field';
import { OwnerField } from './fields/owner-field';
import { TextField } from './fields/text-field';
import { InspectorSection } from './inspector-section';
import { NodeActions } from './node-actions';

export function DomainInspector({ domainId, onIdChanged }: { domainId: string; onIdChanged: OnIdChanged }) {
  const domain = useDocumentStore((state) => (state.mesh ? domainById(state.mesh, domainId) : undefined));
  const childCount = useDocumentStore(
    (state) =>
      (state.mesh?.products.filter((product) => product.domainId === domainId).length ?? 0) +
      (state.mesh?.systems.filter((system) => system.domainId === domainId).length ?? 0),
  );
  if (!domain) return null;
  const key = domain.id;
  return (
    <div className="inspector" data-testid="domain-inspector">
      <h2 className="inspector__title">Domain</h2>
      <NodeActions nodeId={domain.id} canFocusLineage={false} />
      <DiagramButtons subject={{ kind: 'domain', id: domain.id }} />
      <InspectorSection title="General" open>
        <NameField
          accessibleName="Domain name"
          fieldKey={`${key}.name`}
          value={domain.name}
          check={elementNameCheck({ kind: 'domain', id: domain.id })}
          focusFor={domain.id}
          onFirstNamed={(options) => takeIdFromFirstName(domain.id, options, onIdChanged)}
          onChange={(name, options) => updateDomain(domain.id, { name }, options)}
        />
        <OwnerField
          label="Owner (team)"
          fieldKey={`${key}.owner`}
          value={domain.owner}
          onChange={(owner, options) => updateDomain(domain.id, { owner }, options)}
        />
        <TextField
          label="Description"
          fieldKey={`${key}.description`}
          value={domain.description}
          onChange={(description, options) => updateDomain(domain.id, { description }, options)}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${key}-color`}>
            Colour
          </label>
          <input
            id={`${key}-color`}
            type="color"
            className="field__color"
            value={domain.color}
            onChange={(event) =>
              updateDomain(domain.id, { color: event.target.value }, { coalesceKey: `${key}.color` })
            }
            onBlur={useDocumentStore.getState().endTyping}
          />
        </div>
        <p className="inspector__note">
          Owns {childCount} {childCount === 1 ? 'product or system' : 'products and systems'}.
        </p>
      </InspectorSection>
    </div>
  );
}
