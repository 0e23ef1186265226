import { createContext } from 'react';

/**
 * Whether nodes are drawn as plain cards (see zoom-detail.ts): set once by the canvas, so the
 * thousand node components do not each subscribe to the zoom.
 */
export const PlainCardsContext = createContext(false);
