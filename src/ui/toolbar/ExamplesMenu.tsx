import { EXAMPLES, openExample } from '../actions/examples';
import { useGallery } from '../gallery/state';
import { ExamplesIcon } from '../icons';
import { DropdownMenu, type MenuItem } from '../menu/DropdownMenu';

/** The engine's examples (the gallery's cards), then the gallery itself with the lessons. */
const ITEMS: readonly MenuItem[] = [
  ...EXAMPLES.map((ex) => ({
    id: ex.id,
    title: ex.title,
    description: ex.summary,
    onSelect: () => openExample(ex),
  })),
  {
    id: 'gallery',
    testId: 'open-gallery',
    className: 'menu__item--gallery',
    title: 'All examples and lessons…',
    description: 'Cards with what each reaches; step-by-step lessons.',
    onSelect: () => useGallery.getState().show(),
  },
];

/** "Examples": a menu of ready-made networks. */
export function ExamplesMenu() {
  return (
    <DropdownMenu
      icon={<ExamplesIcon />}
      label="Examples"
      title="Open a ready-made network"
      listLabel="Examples"
      items={ITEMS}
      testIdPrefix="example-"
    />
  );
}
