/** How big a comparison may be; on their own so the format's schema reads them without the model's code. */
export const MAX_VARIANTS = 4;
export const DEFAULT_STEPS = 500;
export const MAX_STEPS = 100_000;
