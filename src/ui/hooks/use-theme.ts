import { useEffect, useSyncExternalStore } from 'react';
import { useTheme } from '../../store';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const systemDark = () => window.matchMedia(QUERY).matches;

/** The theme in force ('light' or 'dark'), applied to <html data-theme>. */
export function useAppliedTheme(): 'light' | 'dark' {
  const preference = useTheme((s) => s.preference);
  const dark = useSyncExternalStore(subscribe, systemDark, () => false);
  const theme = preference === 'system' ? (dark ? 'dark' : 'light') : preference;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    // index.html has one per system scheme (for the first paint); the app's own choice wins after.
    for (const meta of document.querySelectorAll('meta[name="theme-color"]')) {
      meta.setAttribute('content', theme === 'dark' ? '#18181c' : '#ffffff');
    }
  }, [theme]);
  return theme;
}
