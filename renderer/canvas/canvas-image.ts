import type { Node, ReactFlowInstance } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { create } from 'zustand';
import { boundsOf, type Rect } from '../../shared/editing/geometry';
import { pngPixelRatio, pngPixelSize } from '../../shared/export';

export interface CanvasImageOptions {
  format: 'png' | 'svg';
  /** The whole mesh, or the selected elements (a selected domain with everything in it). */
  scope: 'mesh' | 'selection';
  theme: 'light' | 'dark';
  /** Pixels per canvas unit of a PNG. */
  scale: 1 | 2;
}

export type CanvasImage =
  /** `pixelRatio`: a PNG's pixels per canvas unit, below the scale asked for where that would pass the largest PNG. */
  | { ok: true; content: string | Uint8Array; width: number; height: number; pixelRatio: number }
  | { ok: false; reason: string };

/** Room left around the drawn elements, in canvas units. */
const MARGIN = 24;
/** How long to wait for a large mesh's off-screen nodes to be drawn before taking the image anyway. */
const DRAW_TIMEOUT_MS = 15_000;

/**
 * While an image is taken, the canvas draws every node (also those out of view), with its labels
 * (also when zoomed far out), in the image's theme: the image is made from what the page draws.
 */
export const useCanvasCapture = create<{ theme: CanvasImageOptions['theme'] | null }>(() => ({ theme: null }));

/**
 * An image of the canvas made with html-to-image, as React Flow's docs recommend: its viewport
 * element cloned at scale 1 and moved so that the chosen nodes' bounds fill the picture. A PNG
 * comes as bytes; an SVG as text (an `<svg>` wrapping the canvas's HTML in a foreignObject).
 */
export async function captureCanvas(
  flow: ReactFlowInstance,
  selectedIds: ReadonlySet<string>,
  options: CanvasImageOptions,
): Promise<CanvasImage> {
  // The app's colours follow <html data-theme> (light-dark() resolves there), so the page takes the image's theme meanwhile.
  const page = document.documentElement;
  const pageTheme = page.dataset.theme;
  page.dataset.theme = options.theme;
  useCanvasCapture.setState({ theme: options.theme });
  try {
    // The nodes are read once the capture's state is drawn: zoomed far out, the canvas drew domain blocks instead.
    await drawnViewport(0);
    const nodes = nodesInScope(flow.getNodes(), options.scope, selectedIds);
    if (nodes.length === 0) {
      return { ok: false, reason: options.scope === 'selection' ? 'Nothing is selected.' : 'The canvas is empty.' };
    }
    const shownIds = new Set(nodes.map((node) => node.id));
    const shownEdgeIds = new Set(
      flow
        .getEdges()
        .filter((edge) => shownIds.has(edge.source) && shownIds.has(edge.target))
        .map((edge) => edge.id),
    );
    const viewport = await drawnViewport(flow.getNodes().length);
    const restoreLinkStyles = inlineLinkStyles(viewport);
    // Links routed around the domains run outside the nodes: the picture holds them whole.
    const bounds = boundsOf([flow.getNodesBounds(nodes), ...drawnLinkRects(flow, viewport, shownEdgeIds)]) as Rect;
    const width = Math.ceil(bounds.width + 2 * MARGIN);
    const height = Math.ceil(bounds.height + 2 * MARGIN);
    const flowElement = viewport.closest('.react-flow') as HTMLElement;
    const pixelRatio = pngPixelRatio({ width, height }, options.scale);
    const settings = {
      width,
      height,
      backgroundColor: getComputedStyle(flowElement).getPropertyValue('--xy-background-color').trim() || undefined,
      pixelRatio,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${MARGIN - bounds.x}px, ${MARGIN - bounds.y}px) scale(1)`,
      },
      filter: (element: HTMLElement) => !isEditingChrome(element) && isShown(element, shownIds, shownEdgeIds),
      includeStyleProperties: styledProperties(viewport),
    };
    try {
      if (options.format === 'svg') {
        const dataUrl = await toSvg(viewport, settings);
        const content = withoutEditingChrome(decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1)));
        return { ok: true, content, width, height, pixelRatio: 1 };
      }
      const dataUrl = await toPng(viewport, settings);
      return { ok: true, content: bytesOfDataUrl(dataUrl), ...pngPixelSize({ width, height }, pixelRatio), pixelRatio };
    } finally {
      restoreLinkStyles();
    }
  } finally {
    useCanvasCapture.setState({ theme: null });
    if (pageTheme === undefined) delete page.dataset.theme;
    else page.dataset.theme = pageTheme;
  }
}

/** The nodes to picture: all, or the selected ones with the contents of selected domains. */
function nodesInScope(nodes: Node[], scope: CanvasImageOptions['scope'], selectedIds: ReadonlySet<string>): Node[] {
  if (scope === 'mesh') return nodes;
  return nodes.filter(
    (node) => selectedIds.has(node.id) || (node.parentId !== undefined && selectedIds.has(node.parentId)),
  );
}

/**
 * Leaves out nodes and links outside the picture's scope (they may overlap its bounds). Each link
 * is its own <svg> in the edges layer, copied whole: the filter sees that <svg>, not the link in it.
 */
function isShown(element: HTMLElement, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): boolean {
  if (element.classList?.contains('react-flow__node')) return nodeIds.has(element.dataset.id ?? '');
  if (element.parentElement?.classList.contains('react-flow__edges')) {
    const link = element.querySelector('.react-flow__edge');
    return !link || edgeIds.has(link.getAttribute('data-id') ?? '');
  }
  return true;
}

/** What only editing shows: governance badges, connection handles, link grips, selection outlines (links' badges are not drawn meanwhile). */
const EDITING_CHROME = [
  '.governance-badge',
  '.react-flow__handle',
  '.react-flow__edgeupdater',
  '.react-flow__edge-interaction',
  '.react-flow__resize-control',
  '.react-flow__nodesselection',
].join(', ');

function isEditingChrome(element: HTMLElement): boolean {
  return element.matches?.(EDITING_CHROME) ?? false;
}

/** An SVG image without the chrome inside links (invisible grips), which the filter cannot reach: each link's <svg> is copied whole. */
function withoutEditingChrome(svg: string): string {
  const image = new DOMParser().parseFromString(svg, 'image/svg+xml');
  for (const chrome of image.querySelectorAll(EDITING_CHROME)) chrome.remove();
  return new XMLSerializer().serializeToString(image);
}

/**
 * The CSS properties the page's style sheets or the canvas's inline styles set. html-to-image
 * otherwise writes every computed property (some 6 kB) on every element; one no rule sets has
 * the value a fresh document gives it, so the image shows the same without it.
 */
function styledProperties(viewport: HTMLElement): string[] {
  const properties = new Set<string>();
  const add = (style: CSSStyleDeclaration) => {
    for (const property of style) if (!property.startsWith('--')) properties.add(property);
  };
  const addRules = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) add(rule.style);
      if ('cssRules' in rule) addRules(rule.cssRules as CSSRuleList);
    }
  };
  for (const sheet of document.styleSheets) addRules(sheet.cssRules);
  for (const element of viewport.querySelectorAll<HTMLElement | SVGElement>('[style]')) add(element.style);
  return [...properties];
}

/** The viewport element once React has drawn every node in the capture's state (two frames, then until all are there). */
async function drawnViewport(nodeCount: number): Promise<HTMLElement> {
  const startedAt = performance.now();
  for (let frame = 0; ; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) throw new Error('the canvas is not on screen');
    const drawn = viewport.querySelectorAll('.react-flow__node').length;
    if (frame >= 2 && (drawn >= nodeCount || performance.now() - startedAt > DRAW_TIMEOUT_MS)) return viewport;
  }
}

const LINK_STYLE_PROPERTIES = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'opacity'];

/**
 * html-to-image copies each <svg> with its children as they are, without their stylesheet
 * colours: links would come out without strokes. Their computed strokes are written inline for
 * the capture; the returned function puts their own style attributes back.
 */
function inlineLinkStyles(viewport: HTMLElement): () => void {
  const shapes = [...viewport.querySelectorAll<SVGElement>('.react-flow__edges svg *')];
  const original = shapes.map((shape) => shape.getAttribute('style'));
  for (const shape of shapes) {
    const computed = getComputedStyle(shape);
    for (const property of LINK_STYLE_PROPERTIES)
      shape.style.setProperty(property, computed.getPropertyValue(property));
  }
  return () =>
    shapes.forEach((shape, index) => {
      const style = original[index];
      if (style === null || style === undefined) shape.removeAttribute('style');
      else shape.setAttribute('style', style);
    });
}

/** Where the shown links' lines and labels are drawn, in canvas units. */
function drawnLinkRects(flow: ReactFlowInstance, viewport: HTMLElement, edgeIds: ReadonlySet<string>): Rect[] {
  const drawn = [...edgeIds].flatMap((id) => [
    ...viewport.querySelectorAll(`.react-flow__edge[data-id="${CSS.escape(id)}"] .react-flow__edge-path`),
    ...viewport.querySelectorAll(`[data-testid="link-label-${CSS.escape(id)}"]`),
  ]);
  return drawn.map((element) => {
    const box = element.getBoundingClientRect();
    const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top }, { snapToGrid: false });
    const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom }, { snapToGrid: false });
    return { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
  });
}

function bytesOfDataUrl(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
