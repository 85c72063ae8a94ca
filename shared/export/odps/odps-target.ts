import { lifecycleStatus } from '../../contracts/lifecycle-status';
import { meshGraph } from '../../lineage/mesh-graph';
import { portFlows } from '../../lineage/port-flows';
import { productLineage } from '../../lineage/product-lineage';
import type { Contract } from '../../model/contract';
import type { DataProduct } from '../../model/data-product';
import type { Mesh } from '../../model/mesh';
import { owningTeam } from '../../model/owning-team';
import { defineTarget } from '../export-target';
import { type InputFeed, inputFeeds } from '../input-feeds';
import { compact, nonEmpty } from '../json-values';
import { toYamlText } from '../yaml-text';

/*
 * One ODPS v1.0.0 document per data product (Bitol Open Data Product Standard). What ODPS
 * has no field for (the product's kind, documentation, SLOs, inputs fed without a contract)
 * travels as custom properties, so nothing of the design is lost (an input port fed both under a
 * contract and without one is in both places).
 * - status: the one status all its output contracts share, read as the app reads it (`Active` is
 *   `active`), else `draft` (also when they say none);
 * - an output port without a contract has no version to give: it says `0.0.0`;
 * - an output port's `inputContracts` are those of the inputs its lineage says feed it (all of
 *   them where the lineage cannot tell: no contract, no table of its name, SQL that does not parse).
 */

export const ODPS_API_VERSION = 'v1.0.0';
const UNVERSIONED = '0.0.0';

type Feeds = ReturnType<typeof inputFeeds>;

export const odpsTarget = defineTarget({
  id: 'odps',
  label: 'ODPS data products',
  readBy: 'Entropy Data (Data Mesh Manager) and other Open Data Product Standard v1 tools',
  write({ mesh, scoped, nameFilesOf }) {
    const nameFile = nameFilesOf(scoped.products);
    const feeds = inputFeeds(mesh);
    const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
    return {
      ok: true,
      value: scoped.products.map((product) => ({
        path: nameFile(product, '.odps.yaml'),
        content: toYamlText(odpsDocument(mesh, product, feeds, contracts)),
        about: `data product ${product.name}`,
      })),
    };
  },
});

function odpsDocument(
  mesh: Mesh,
  product: DataProduct,
  feeds: Feeds,
  contracts: ReadonlyMap<string, Contract>,
): Record<string, unknown> {
  const outputContracts = product.outputPorts.flatMap((port) => contracts.get(port.contractId ?? '') ?? []);
  const inputs = product.inputPorts.map((port) => ({ port, feeds: feeds(product.id, port.id) }));
  const flows = portFlows(productLineage(meshGraph(mesh), product));
  const inputContractsOf = (outputId: string) =>
    unique(
      flows
        .filter((flow) => flow.outputId === outputId)
        .flatMap((flow) => feeds(product.id, flow.inputId).flatMap((feed) => feed.contract ?? [])),
    );
  // A port fed both under a contract and without one (a CDC topic beside it) keeps both: the first as an input port, the rest here.
  const uncontracted = inputs.flatMap(({ port, feeds }) => {
    const without = feeds.filter((feed) => !feed.contract);
    return feeds.length === 0 || without.length > 0 ? [{ port, feeds: without }] : [];
  });
  const domain = mesh.domains.find((candidate) => candidate.id === product.domainId);
  const team = owningTeam(mesh.domains, product);
  return compact({
    apiVersion: ODPS_API_VERSION,
    kind: 'DataProduct',
    id: product.id,
    name: product.name,
    status: statusOf(outputContracts),
    domain: domain?.name,
    description: product.description ? { purpose: product.description } : undefined,
    customProperties: nonEmpty([
      { property: 'dataProductKind', value: product.kind },
      ...(product.documentation ? [{ property: 'documentation', value: product.documentation }] : []),
      ...(product.observability.slos.length > 0
        ? [{ property: 'serviceLevelObjectives', value: product.observability.slos }]
        : []),
      ...(uncontracted.length > 0
        ? [
            {
              property: 'inputsWithoutContract',
              description:
                'Input ports fed by a CDC topic, by an output port without a contract, or by nothing, so with no contract to name.',
              value: uncontracted.map(({ port, feeds }) => ({ name: port.name, from: feeds.map(describeSource) })),
            },
          ]
        : []),
    ]),
    inputPorts: nonEmpty(
      inputs.flatMap(({ port, feeds }) =>
        feeds.flatMap((feed) =>
          feed.contract ? [{ name: port.name, version: feed.contract.version, contractId: feed.contract.id }] : [],
        ),
      ),
    ),
    outputPorts: nonEmpty(
      product.outputPorts.map((port) => {
        const contract = contracts.get(port.contractId ?? '');
        return compact({
          name: port.name,
          description: port.description || undefined,
          type: port.protocol,
          version: contract?.version ?? UNVERSIONED,
          contractId: contract?.id,
          inputContracts: nonEmpty(inputContractsOf(port.id).map(({ id, version }) => ({ id, version }))),
        });
      }),
    ),
    managementPorts: [
      compact({
        name: product.discoveryPort.name,
        content: 'discoverability',
        type: 'rest',
        description: product.discoveryPort.description || undefined,
      }),
    ],
    team: team === undefined ? undefined : { name: team },
  });
}

/** ODPS requires a status; ODCS 3.2 contracts may have none, which shares nothing. */
function statusOf(contracts: readonly Contract[]): string {
  const [status, ...others] = new Set(contracts.map(lifecycleStatus));
  return status && others.length === 0 ? status : 'draft';
}

function describeSource(feed: InputFeed): string {
  const { source } = feed;
  return source.kind === 'topic'
    ? `${source.system.name} topic ${source.topic.name}`
    : `${source.product.name} output port ${source.port.name}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
