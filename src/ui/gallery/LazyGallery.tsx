import { lazyComponent } from '../lazy/lazy-component';
import { useGallery } from './state';

/** The gallery's code (cards, previews, lesson summaries) loads the first time it opens. */
const GalleryDialog = lazyComponent('the gallery', () => import('./Gallery').then((m) => m.GalleryDialog), {
  overlay: true,
});

const selectOpen = (s: { open: boolean }) => s.open;

/** Mounted once in the app; shows the gallery while it is open. */
export function Gallery() {
  const open = useGallery(selectOpen);
  return open ? <GalleryDialog /> : null;
}
