import { type CSSProperties, createContext, memo, useMemo } from 'react';
import { chipMinWidth } from './title-chips';

/**
 * Whether cards show their name as a chip (title-chips.ts): set once by the canvas, so the nodes do
 * not each subscribe to the zoom.
 */
export const TitleChipsContext = createContext(false);

/**
 * A card's name at 12 px on screen, over its header (title-chips.ts). Drawn from attributes (CSS
 * generated content): the card's own title already names it, for the accessibility tree and for
 * anything reading the card's text, so the chip adds no second copy of it.
 */
export const TitleChip = memo(function TitleChip({ name, icon }: { name: string; icon: string }) {
  const style = useMemo(
    () => ({ '--ng-chip-min': `${chipMinWidth(name, icon)}px` }) as CSSProperties,
    [name, icon],
  );
  // "SGD" named "SGD" needs no icon saying so.
  const kind = icon.toLowerCase() === name.toLowerCase() ? undefined : icon;
  return (
    <span className="ng-title-chip" aria-hidden="true" data-name={name} data-icon={kind} style={style} />
  );
});
