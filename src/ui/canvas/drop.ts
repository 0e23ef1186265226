/** Dragging a kind from the palette onto the canvas (HTML5 drag and drop). */
export const KIND_MIME = 'application/neurograph-kind';

/** Where the pointer sits on a dropped node: over its header, a little in from its left. */
export const DEFAULT_DROP_OFFSET = { x: 90, y: 18 };
