import { digitsSupport } from '../../engine/datasets/digits';
import { lazyComponent } from '../lazy/lazy-component';
import { useGallery } from './state';

/**
 * The gallery's code (cards, previews, lesson summaries) loads the first time it opens, with the
 * digits: the built-in lessons are checked by compiling their networks, and "What does a neuron
 * learn?" trains on them.
 */
const GalleryDialog = lazyComponent(
  'the gallery',
  () => Promise.all([import('./Gallery'), digitsSupport.load()]).then(([m]) => m.GalleryDialog),
  { overlay: true },
);

const selectOpen = (s: { open: boolean }) => s.open;

/** Mounted once in the app; shows the gallery while it is open. */
export function Gallery() {
  const open = useGallery(selectOpen);
  return open ? <GalleryDialog /> : null;
}
