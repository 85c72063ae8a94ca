import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseMeshFile } from '../../../shared/contracts';
import { EXPORT_TARGETS, type ExportFile, exportBundle, WHOLE_MESH } from '../../../shared/export';
import { serializeMesh } from '../../../shared/model';
import { parseExportedDiagram, parseWithDefaultLimits } from '../diagrams/real-mermaid';
import { filesOf } from './golden-cases';
import { hospitalMesh } from './hospital-mesh';
import {
  catalogEntityProblems,
  catalogReferences,
  compileJsonSchemas,
  odcsDocumentProblems,
  odpsDocumentProblems,
  type StrimziResourceJson,
  strimziResourceProblems,
} from './real-validators';
import { UNSEEN_MESHES } from './unseen-meshes';
import { readEverywhere } from './yaml-readers';

const documentsOf = <T>(file: ExportFile) => parseAllDocuments(String(file.content)).map((doc) => doc.toJSON() as T);
const inFolder = (files: readonly ExportFile[], folder: string) =>
  files.filter((file) => file.path.startsWith(`${folder}/`));

/** Names that must differ: the repeated ones, each once. */
const repeated = (names: readonly string[]) => [
  ...new Set(names.filter((name, index) => names.indexOf(name) !== index)),
];

// One PostgreSQL for the file (starting one takes seconds); the designs' schemas differ.
let database: Promise<PGlite> | undefined;
const postgres = () => {
  database ??= PGlite.create();
  return database;
};
afterAll(async () => (await database)?.close());

// The hospital as saved is the baseline of sql-export's migration test.
describe.each([...UNSEEN_MESHES, ['hospital', () => hospitalMesh('current')] as const])(
  'every export of a design it has never seen: %s',
  (_, build) => {
    const mesh = build();
    let files: ExportFile[];
    beforeAll(() => {
      const reopened = parseMeshFile(serializeMesh(mesh));
      expect(reopened.ok ? [] : reopened.errors).toEqual([]);
      files = filesOf(exportBundle(mesh, EXPORT_TARGETS, WHOLE_MESH));
    });

    it('writes YAML every reader reads alike (YAML 1.2, YAML 1.1, js-yaml 3, PyYAML)', () => {
      const yamlFiles = files.filter((file) => file.path.endsWith('.yaml'));
      for (const [index, reading] of readEverywhere(yamlFiles.map((file) => String(file.content))).entries()) {
        const path = yamlFiles[index]?.path;
        expect(reading.pyYaml, path).toEqual(reading.yaml12);
        expect(reading.jsYaml3, path).toEqual(reading.yaml12);
        expect(reading.yaml11, path).toEqual(reading.yaml12);
      }
    });

    it('writes ODCS contracts and ODPS products the official schemas accept', () => {
      const odcs = inFolder(files, 'odcs');
      expect(odcs).toHaveLength(mesh.contracts.length);
      expect(odcs.flatMap((file) => odcsDocumentProblems(parse(String(file.content))))).toEqual([]);
      const odps = inFolder(files, 'odps');
      expect(odps).toHaveLength(mesh.products.length);
      expect(odps.flatMap((file) => odpsDocumentProblems(parse(String(file.content))))).toEqual([]);
    });

    it('writes a Backstage catalog the catalog accepts, every reference resolving to one entity', async () => {
      const entities = inFolder(files, 'backstage').flatMap((file) => documentsOf<Entity>(file));
      expect((await Promise.all(entities.map(catalogEntityProblems))).flat()).toEqual([]);
      const refs = entities.map((entity) => stringifyEntityRef(entity).toLowerCase());
      expect(repeated(refs)).toEqual([]);
      const known = new Set(refs);
      expect(entities.flatMap(catalogReferences).filter((ref) => !known.has(ref.toLowerCase()))).toEqual([]);
      const definitions = entities.flatMap((entity) =>
        entity.kind === 'API' ? [String(entity.spec?.definition)] : [],
      );
      expect(definitions.flatMap((definition) => odcsDocumentProblems(parse(definition)))).toEqual([]);
    });

    it('writes Strimzi resources the v1 CRDs accept, one Kafka topic each, and one set of names per connector', () => {
      const resources = inFolder(files, 'strimzi').flatMap((file) => documentsOf<StrimziResourceJson>(file));
      expect(resources.flatMap(strimziResourceProblems)).toEqual([]);
      expect(repeated(resources.map((resource) => `${resource.kind} ${resource.metadata.name}`))).toEqual([]);
      const topics = resources
        .filter((resource) => resource.kind === 'KafkaTopic')
        .map((topic) => topic.spec.topicName ?? topic.metadata.name);
      // Kafka refuses a topic whose name differs from another's only in '.' and '_'.
      expect(repeated(topics.map((topic) => topic.replaceAll('.', '_')))).toEqual([]);
      const configs = resources
        .filter((resource) => resource.kind === 'KafkaConnector')
        .map((connector) => connector.spec.config ?? {});
      for (const key of [
        'database.password',
        'slot.name',
        'publication.name',
        'schema.history.internal.kafka.topic',
        'topic.prefix',
      ]) {
        const values = configs.flatMap((config) => (config[key] === undefined ? [] : [String(config[key])]));
        expect(repeated(values), key).toEqual([]);
      }
    });

    it('writes JSON Schemas that compile in strict mode', () => {
      expect(() => compileJsonSchemas(inFolder(files, 'jsonschema'))).not.toThrow();
    });

    it('writes Mermaid diagrams the mermaid package parses with its default limits, as GitHub and GitLab do', async () => {
      const diagrams = inFolder(files, 'mermaid');
      expect(diagrams.length).toBeGreaterThan(0);
      for (const diagram of diagrams) {
        await expect(
          parseWithDefaultLimits(String(diagram.content), parseExportedDiagram),
          diagram.path,
        ).resolves.toBeDefined();
      }
    });

    it('writes SQL that PostgreSQL (PGlite) runs', { timeout: 120_000 }, async () => {
      const failures: string[] = [];
      for (const file of inFolder(files, 'sql')) {
        await (await postgres())
          .exec(String(file.content))
          .catch((error: Error) => failures.push(`${file.path}: ${error.message}`));
      }
      expect(failures).toEqual([]);
    });
  },
);
