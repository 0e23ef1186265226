import { lazy } from '../../engine/lazy';
import { reportLoadFailure } from '../../store';

/** The picture code (pictures.ts, then html-to-image) loads with the first picture asked for. */
const picturesModule = lazy('the picture exporter', () => import('./pictures'));

/** Runs `make` with the picture code once it has loaded; a failed download gets a toast with Retry. */
export async function withPictures(
  make: (pictures: typeof import('./pictures')) => Promise<void>,
): Promise<void> {
  let pictures: typeof import('./pictures');
  try {
    pictures = await picturesModule.load();
  } catch (error) {
    reportLoadFailure(error, () => void withPictures(make));
    return;
  }
  await make(pictures);
}
