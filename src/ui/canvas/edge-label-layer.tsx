/**
 * Edge labels drawn in React Flow's HTML label layer, like its <EdgeLabelRenderer>, but cheaper.
 * React Flow's version finds the layer with a querySelector inside a store selector of every
 * label, run on every store change (each drag frame, each step of a pan): with 2,000 weight labels
 * that was 2,000 DOM queries per frame. Here the layer is found once (EdgeLabelLayer, mounted
 * inside <ReactFlow>) and every label reads it from a tiny store that never changes after that.
 */
import { useStore as useFlowStore } from '@xyflow/react';
import { type ReactNode, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';

const useLabelLayer = create<{ layer: HTMLElement | null }>()(() => ({ layer: null }));

const selectDomNode = (s: { domNode: Element | null }) => s.domNode;
const selectLayer = (s: { layer: HTMLElement | null }) => s.layer;

/** Mounted once inside <ReactFlow>: publishes the label layer once the flow's DOM exists. */
export function EdgeLabelLayer(): null {
  const domNode = useFlowStore(selectDomNode);
  useEffect(() => {
    const layer = domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null;
    useLabelLayer.setState({ layer });
    return () => useLabelLayer.setState({ layer: null });
  }, [domNode]);
  return null;
}

/** Drop-in for React Flow's <EdgeLabelRenderer>: renders `children` into the edge label layer. */
export function EdgeLabelRenderer({ children }: { children: ReactNode }) {
  const layer = useLabelLayer(selectLayer);
  return layer ? createPortal(children, layer) : null;
}
