/** Mermaid diagrams of a mesh: the design note's logical view, product architecture, data retrieval flow, and lineage. */

export { contractErDiagram } from './contract-er-diagram';
export { DIAGRAM_DIRECTIONS, type DiagramDirection, isDiagramDirection } from './diagram-direction';
export { svgTitleAsWritten } from './diagram-title';
export {
  DIAGRAM_KIND_INFO,
  DIAGRAM_KINDS,
  type DiagramKind,
  type DiagramKindInfo,
  type DiagramRequest,
  type DiagramSubject,
  diagramKindsFor,
  EXPORTED_DIAGRAM_KINDS,
  type ExportedDiagramKind,
  mermaidDiagram,
  type SubjectKind,
  type ViewedDiagram,
  viewedDiagram,
} from './diagrams';
export { MERMAID_DEFAULT_LIMITS, MERMAID_LIMITS } from './mermaid-limits';
export { MERMAID_SETTINGS, mermaidSettings } from './mermaid-settings';
export { mermaidTarget } from './mermaid-target';
export { type MeshGraph, meshGraph } from './mesh-graph';
export {
  PICTURE_FILE_CONTAINER_STYLE,
  PICTURE_FILE_ID,
  PNG_PICTURE_HOLDER_STYLE,
  PNG_PIXEL_RATIO,
  pictureAsWritten,
  pngImageOptions,
  pngOfPicture,
  svgFileText,
  type XmlWriters,
} from './picture-file';
export { svgFrameTitlesCentred } from './svg-frame-titles';
export { SVG_TEXT_LABELS, svgLabelsAsWritten } from './svg-text-labels';
