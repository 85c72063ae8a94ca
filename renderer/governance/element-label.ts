import { meshGraph } from '../../shared/lineage/mesh-graph';
import { type ElementRef, type Mesh, productPorts } from '../../shared/model';

/** Where an element is, in the words of the canvas: `Orders › output port 'orders-out'`. */
export function elementLabel(mesh: Mesh, element: ElementRef): string {
  const graph = meshGraph(mesh);
  const product = (id: string) => graph.products.get(id)?.item;
  const system = (id: string) => graph.systems.get(id)?.item;
  const nameOf = (id: string) => product(id)?.name ?? system(id)?.name ?? graph.domains.get(id)?.item.name ?? id;
  switch (element.kind) {
    case 'mesh':
      return mesh.name;
    case 'domain':
      return `domain ${nameOf(element.domainId)}`;
    case 'product':
    case 'system':
      return nameOf(element.kind === 'product' ? element.productId : element.systemId);
    case 'port': {
      const owner = product(element.productId);
      const port = owner && productPorts(owner).find((candidate) => candidate.id === element.portId);
      return `${nameOf(element.productId)} › ${port?.direction ?? ''} port ${port?.name ?? element.portId}`;
    }
    case 'topic': {
      const topic = system(element.systemId)?.messaging.topics.find((candidate) => candidate.id === element.topicId);
      return `${nameOf(element.systemId)} › topic ${topic?.name ?? element.topicId}`;
    }
    case 'link': {
      const link = graph.links.get(element.linkId)?.item;
      return link ? `${nameOf(link.from.nodeId)} → ${nameOf(link.to.nodeId)}` : element.linkId;
    }
    case 'contract':
      return `contract ${graph.contracts.get(element.contractId)?.item.name ?? element.contractId}`;
    case 'field':
      return `contract ${graph.contracts.get(element.contractId)?.item.name ?? element.contractId} › ${element.object}.${element.field}`;
    case 'transformation':
      return `${nameOf(element.productId)} › transformation ${element.name}`;
    case 'policy':
      return `policies › ${element.ruleId}`;
    case 'scenario':
      return `scenario ${mesh.scenarios.find((scenario) => scenario.id === element.scenarioId)?.name ?? element.scenarioId}`;
  }
}
