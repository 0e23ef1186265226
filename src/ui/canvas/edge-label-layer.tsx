/**
 * Edge labels drawn in React Flow's HTML label layer, like its <EdgeLabelRenderer>, but cheaper.
 * React Flow's version finds the layer with a querySelector inside a store selector of every
 * label, run on every store change (each drag frame, each step of a pan): with 2,000 weight labels
 * that was 2,000 DOM queries per frame. Here the layer is found once (EdgeLabelLayer, mounted
 * inside <ReactFlow>) and every label reads it from a tiny store that never changes after that.
 * Same for React Flow's viewport portal layer.
 */
import { useStore as useFlowStore } from '@xyflow/react';
import { type ReactNode, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';

interface Layers {
  /** React Flow's edge label layer. */
  layer: HTMLElement | null;
  /** React Flow's viewport portal layer (what its <ViewportPortal> finds the same costly way). */
  viewport: HTMLElement | null;
}

const useLabelLayer = create<Layers>()(() => ({ layer: null, viewport: null }));

const selectDomNode = (s: { domNode: Element | null }) => s.domNode;
const selectLayer = (s: Layers) => s.layer;
const selectViewportLayer = (s: Layers) => s.viewport;

/** Mounted once inside <ReactFlow>: publishes the layers once the flow's DOM exists. */
export function EdgeLabelLayer(): null {
  const domNode = useFlowStore(selectDomNode);
  useEffect(() => {
    const layer = domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null;
    const viewport = domNode?.querySelector<HTMLElement>('.react-flow__viewport-portal') ?? null;
    useLabelLayer.setState({ layer, viewport });
    return () => useLabelLayer.setState({ layer: null, viewport: null });
  }, [domNode]);
  return null;
}

/** Drop-in for React Flow's <ViewportPortal>: renders `children` in the viewport (they pan and zoom with it). */
export function ViewportPortal({ children }: { children: ReactNode }) {
  const layer = useLabelLayer(selectViewportLayer);
  return layer ? createPortal(children, layer) : null;
}

/** Drop-in for React Flow's <EdgeLabelRenderer>: renders `children` into the edge label layer. */
export function EdgeLabelRenderer({ children }: { children: ReactNode }) {
  const layer = useLabelLayer(selectLayer);
  return layer ? createPortal(children, layer) : null;
}
