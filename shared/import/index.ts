/** Importers that turn other formats into a mesh: pure, with their problems located by line. */
export { type AddedElements, LOOSE_NODES_DOMAIN } from './flowchart-mesh';
export { type ImportNote, MAX_MERMAID_LENGTH } from './mermaid-flowchart';
export {
  type ImportMode,
  importMermaidFlowchart,
  looksLikeMermaidErDiagram,
  looksLikeMermaidFlowchart,
  type MatchedElements,
  type MermaidImport,
} from './mermaid-import';
