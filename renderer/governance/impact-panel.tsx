import type { Impact, ImpactLevel, ImpactOrigin } from '../../shared/lineage/impact';
import { portDetail, transformationDetail } from '../../shared/lineage/impact-detail';
import { impactSummary } from '../../shared/lineage/impact-summary';
import { meshGraph } from '../../shared/lineage/mesh-graph';
import type { ElementRef, Mesh } from '../../shared/model';
import { counted } from '../../shared/model/word-list';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { elementLabel } from './element-label';
import { useGovernanceStore } from './governance-store';
import { showImpact } from './impact-actions';
import { ImpactLegend } from './impact-legend';
import { revealElement } from './reveal-element';
import { useImpact } from './use-impact';
import './governance.css';

const LEVEL_LABELS: Record<ImpactLevel, string> = { field: 'uses it', dataset: 'reads the dataset' };

/**
 * What depends on a contract field, a port, a topic or a product: chosen from the selection,
 * highlighted on the canvas, and listed here field by field.
 */
export function ImpactPanel() {
  const mesh = useDocumentStore((state) => state.mesh);
  const impact = useImpact();
  if (!mesh) return null;
  return (
    <section className="impact-panel" aria-label="Impact analysis" data-testid="impact-panel">
      <OriginPicker mesh={mesh} />
      {impact ? <ImpactList mesh={mesh} impact={impact} /> : null}
    </section>
  );
}

/** The origins the selection offers: the product, each output port, each field of their contracts; a system's topics. */
function OriginPicker({ mesh }: { mesh: Mesh }) {
  const selectedId = useSelectionStore((state) => [...state.nodeIds][0]);
  const current = useGovernanceStore((state) => state.impactOrigin);
  const graph = meshGraph(mesh);
  const product = selectedId ? graph.products.get(selectedId)?.item : undefined;
  const system = selectedId ? graph.systems.get(selectedId)?.item : undefined;
  const choose = (origin: ImpactOrigin) => showImpact(origin);
  const isCurrent = (origin: ImpactOrigin) => JSON.stringify(origin) === JSON.stringify(current);
  const button = (origin: ImpactOrigin, label: string, testId: string) => (
    <button
      type="button"
      className="impact-origin"
      aria-pressed={isCurrent(origin)}
      onClick={() => choose(origin)}
      data-testid={testId}
    >
      {label}
    </button>
  );
  return (
    <div className="impact-panel__origin">
      {current && (
        <p className="impact-panel__current">
          Impact of <strong>{originLabel(mesh, current)}</strong>{' '}
          <button type="button" onClick={() => useGovernanceStore.getState().showImpact(null)}>
            Clear
          </button>
        </p>
      )}
      {!product && !system && (
        <p className="impact-panel__hint">
          Select a data product or a system to see what depends on it, one of its ports, or one field of a contract.
        </p>
      )}
      {product && (
        <div className="impact-panel__choices">
          {button({ kind: 'product', productId: product.id }, `All of ${product.name}`, 'impact-product')}
          {product.outputPorts.map((port) => {
            const contract = port.contractId ? graph.contracts.get(port.contractId)?.item : undefined;
            const object = contract?.schema[0];
            return (
              <div key={port.id} className="impact-panel__port">
                {button(
                  { kind: 'port', productId: product.id, portId: port.id },
                  `Port ${port.name}`,
                  `impact-port-${port.id}`,
                )}
                {contract &&
                  object?.properties.map((property) => (
                    <span key={property.name}>
                      {button(
                        { kind: 'field', contractId: contract.id, object: object.name, field: property.name },
                        property.name,
                        `impact-field-${port.id}-${property.name}`,
                      )}
                    </span>
                  ))}
              </div>
            );
          })}
        </div>
      )}
      {system && (
        <div className="impact-panel__choices">
          {system.messaging.topics.map((topic) => (
            <span key={topic.id}>
              {button(
                { kind: 'topic', systemId: system.id, topicId: topic.id },
                `Topic ${topic.name}`,
                `impact-topic-${topic.id}`,
              )}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

function originLabel(mesh: Mesh, origin: ImpactOrigin): string {
  switch (origin.kind) {
    case 'field':
      return elementLabel(mesh, origin);
    case 'port':
      return elementLabel(mesh, { kind: 'port', productId: origin.productId, portId: origin.portId });
    case 'topic':
      return elementLabel(mesh, { kind: 'topic', systemId: origin.systemId, topicId: origin.topicId });
    case 'product':
      return elementLabel(mesh, { kind: 'product', productId: origin.productId });
  }
}

function ImpactList({ mesh, impact }: { mesh: Mesh; impact: Impact }) {
  const graph = meshGraph(mesh);
  const productName = (id: string) => graph.products.get(id)?.item.name ?? graph.systems.get(id)?.item.name ?? id;
  if (impact.products.length === 0 && impact.links.length === 0) {
    return <p className="impact-panel__empty">Nothing downstream depends on it.</p>;
  }
  const entry = (key: string, element: ElementRef, label: string, level: ImpactLevel, detail?: string) => (
    <li key={key} className={`impact-entry impact-entry--${level}`}>
      <button type="button" onClick={() => revealElement(element)}>
        <span className="impact-entry__label">{label}</span>
        <span className="impact-entry__level">{LEVEL_LABELS[level]}</span>
        {detail && <span className="impact-entry__detail">{detail}</span>}
      </button>
    </li>
  );
  return (
    <div className="impact-panel__results" data-testid="impact-results">
      <p className="impact-panel__summary">{impactSummary(impact)}</p>
      <ImpactLegend />
      <h3>Products</h3>
      <ul className="impact-list" data-testid="impact-products">
        {impact.products.map((product) =>
          entry(
            product.productId,
            { kind: 'product', productId: product.productId },
            productName(product.productId),
            product.level,
            `${counted(product.distance, 'link')} away`,
          ),
        )}
      </ul>
      <h3>Ports</h3>
      <ul className="impact-list">
        {impact.ports.map((port) =>
          entry(
            `${port.nodeId} ${port.portId}`,
            port.direction === 'topic'
              ? { kind: 'topic', systemId: port.nodeId, topicId: port.portId }
              : { kind: 'port', productId: port.nodeId, portId: port.portId },
            elementLabel(mesh, { kind: 'port', productId: port.nodeId, portId: port.portId }),
            port.level,
            portDetail(port),
          ),
        )}
      </ul>
      <h3>Links</h3>
      <ul className="impact-list">
        {impact.links.map((link) =>
          entry(
            link.linkId,
            { kind: 'link', linkId: link.linkId },
            elementLabel(mesh, { kind: 'link', linkId: link.linkId }),
            link.level,
            link.fields.join(', '),
          ),
        )}
      </ul>
      {impact.transformations.length > 0 && (
        <>
          <h3>Transformations</h3>
          <ul className="impact-list">
            {impact.transformations.map((step) =>
              entry(
                `${step.productId} ${step.name}`,
                { kind: 'transformation', productId: step.productId, name: step.name },
                `${productName(step.productId)} › ${step.name}`,
                step.level,
                transformationDetail(step),
              ),
            )}
          </ul>
        </>
      )}
    </div>
  );
}
