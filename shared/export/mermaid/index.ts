/** Mermaid diagrams of a mesh: the design note's logical view, product architecture, data retrieval flow, and lineage. */
export {
  allMermaidDiagrams,
  DIAGRAM_KIND_INFO,
  DIAGRAM_KINDS,
  type DiagramKind,
  type DiagramKindInfo,
  type DiagramRequest,
  type DiagramSubject,
  diagramKindsFor,
  type MermaidFile,
  mermaidDiagram,
  type SubjectKind,
} from './diagrams';
