/**
 * Pictures for slides and reports: the whole network as PNG or SVG (html-to-image draws React
 * Flow's viewport, moved so that every node fits), and a PNG of any element or canvas (the loss
 * chart, the decision boundary).
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { LazyLoadError, lazy } from '../../engine/lazy';
import { documentFileName } from '../../format';
import { reportLoadFailure, useDocument, useSession } from '../../store';
import { canvasElement } from '../actions/flow';

/** html-to-image, loaded on the first picture (the toolbar's Picture menu or a chart's PNG button). */
const pictureLibrary = lazy('the picture exporter', () => import('html-to-image'));

export type PictureFormat = 'png' | 'svg';
export type PictureBackground = 'white' | 'theme';

/** Space around the nodes, in canvas pixels. */
const PADDING = 40;
/** Longest side of a picture in CSS pixels; PNGs are drawn at twice this resolution. */
const MAX_SIDE = 4096;
const PNG_PIXEL_RATIO = 2;

/** The document's name as a file stem: "Border at x = 3" → "border-at-x-3". */
export function pictureStem(suffix = ''): string {
  const stem = documentFileName(useDocument.getState().name).replace(/\.neurograph\.json$/, '');
  return suffix ? `${stem}-${suffix}` : stem;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const head = dataUrl.slice(0, comma);
  const body = dataUrl.slice(comma + 1);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  if (head.endsWith(';base64')) {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/** The canvas's own background colour (light or dark theme). */
function themeBackground(): string {
  const el = canvasElement()?.querySelector('.react-flow') ?? document.body;
  const color = getComputedStyle(el).backgroundColor;
  return color && color !== 'rgba(0, 0, 0, 0)' ? color : '#ffffff';
}

/** Parts of the canvas that are controls, not the network. */
const LEFT_OUT = [
  'react-flow__minimap',
  'react-flow__controls',
  'react-flow__panel',
  'react-flow__nodesselection',
];
const keep = (el: HTMLElement) => !LEFT_OUT.some((c) => el.classList?.contains(c));

/** What draws an SVG shape; set by the app's CSS classes, which a picture does not carry. */
const SVG_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];

/**
 * Runs `draw` with the computed styles of every shape inside the element's SVGs written inline:
 * html-to-image copies an <svg> as it is (attributes only), so edges styled by CSS classes would
 * come out black or invisible. The inline styles are put back as they were afterwards.
 */
async function withInlineSvgStyles<T>(root: HTMLElement, draw: () => Promise<T>): Promise<T> {
  const restore: (() => void)[] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    const before = el.getAttribute('style');
    const computed = getComputedStyle(el);
    const inline = SVG_PROPERTIES.map((p) => `${p}: ${computed.getPropertyValue(p)}`).join('; ');
    el.setAttribute('style', inline);
    restore.push(() => (before === null ? el.removeAttribute('style') : el.setAttribute('style', before)));
  }
  try {
    return await draw();
  } finally {
    for (const r of restore) r();
  }
}

/** What sticks out of the nodes and must be in the picture too: edge labels, the numbers under a node. */
const STICKING_OUT = '.ng-weight, .ng-node-train';

/** `bounds` grown to hold every label drawn on the canvas (in flow units). */
function withLabels(
  flow: ReactFlowInstance,
  viewport: HTMLElement,
  bounds: { x: number; y: number; width: number; height: number },
) {
  let x0 = bounds.x;
  let y0 = bounds.y;
  let x1 = bounds.x + bounds.width;
  let y1 = bounds.y + bounds.height;
  for (const el of viewport.querySelectorAll(STICKING_OUT)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const a = flow.screenToFlowPosition({ x: r.left, y: r.top }, { snapToGrid: false });
    const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false });
    x0 = Math.min(x0, a.x);
    y0 = Math.min(y0, a.y);
    x1 = Math.max(x1, b.x);
    y1 = Math.max(y1, b.y);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The whole network as a picture, downloaded; every node (and every label) fits, whatever the view shows. */
export async function exportCanvasPicture(
  flow: ReactFlowInstance,
  format: PictureFormat,
  background: PictureBackground = 'white',
): Promise<void> {
  const session = useSession.getState();
  const viewport = canvasElement()?.querySelector<HTMLElement>('.react-flow__viewport');
  const nodes = flow.getNodes();
  if (!viewport || nodes.length === 0) {
    session.showToast('Nothing to draw yet: add some nodes first.', { tone: 'info' });
    return;
  }
  const b = withLabels(flow, viewport, flow.getNodesBounds(nodes));
  const width = b.width + 2 * PADDING;
  const height = b.height + 2 * PADDING;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.ceil(width * scale);
  const h = Math.ceil(height * scale);
  const options = {
    backgroundColor: background === 'white' ? '#ffffff' : themeBackground(),
    width: w,
    height: h,
    skipFonts: true,
    filter: keep,
    style: {
      width: `${w}px`,
      height: `${h}px`,
      transform: `translate(${(PADDING - b.x) * scale}px, ${(PADDING - b.y) * scale}px) scale(${scale})`,
    },
  };
  try {
    const { toPng, toSvg } = await pictureLibrary.load();
    const url = await withInlineSvgStyles(viewport, () =>
      format === 'png'
        ? toPng(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO })
        : toSvg(viewport, options),
    );
    // The two PNGs are different pictures: they get different names (one does not replace the other).
    downloadBlob(
      dataUrlToBlob(url),
      `${pictureStem(background === 'theme' ? 'as-on-screen' : '')}.${format}`,
    );
  } catch (error) {
    if (error instanceof LazyLoadError) {
      reportLoadFailure(error, () => void exportCanvasPicture(flow, format, background));
      return;
    }
    session.showToast(`The picture could not be made: ${(error as Error).message ?? String(error)}`, {
      tone: 'error',
    });
  }
}

/** Buttons and checkboxes around a chart are not part of its picture. */
const CONTROLS = 'button, input, select, label:has(input), label:has(select)';

/**
 * Saves an element as a PNG: a <canvas> as it is drawn (the decision boundary), anything else
 * through html-to-image (a uPlot chart, with its axes and legend).
 */
export async function saveElementPng(el: HTMLElement, fileName: string): Promise<void> {
  try {
    if (el instanceof HTMLCanvasElement) {
      const blob = await new Promise<Blob | null>((resolve) => el.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the canvas is empty');
      downloadBlob(blob, fileName);
      return;
    }
    const { toPng } = await pictureLibrary.load();
    const background = getComputedStyle(document.body).getPropertyValue('--panel').trim() || '#ffffff';
    const url = await withInlineSvgStyles(el, () =>
      toPng(el, {
        backgroundColor: background,
        pixelRatio: PNG_PIXEL_RATIO,
        skipFonts: true,
        filter: (node) => !(node instanceof Element && node.matches(CONTROLS)),
      }),
    );
    downloadBlob(dataUrlToBlob(url), fileName);
  } catch (error) {
    if (error instanceof LazyLoadError) {
      reportLoadFailure(error, () => void saveElementPng(el, fileName));
      return;
    }
    useSession.getState().showToast(`The picture could not be saved: ${(error as Error).message}`, {
      tone: 'error',
    });
  }
}
