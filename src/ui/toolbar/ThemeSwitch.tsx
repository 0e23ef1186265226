import { type ThemePreference, useTheme } from '../../store';
import { MonitorIcon, MoonIcon, SunIcon } from '../icons';

const OPTIONS: { value: ThemePreference; label: string; icon: React.ReactNode }[] = [
  { value: 'system', label: 'Follow the system', icon: <MonitorIcon /> },
  { value: 'light', label: 'Light', icon: <SunIcon /> },
  { value: 'dark', label: 'Dark', icon: <MoonIcon /> },
];

/** Light, dark, or follow the system (the default). */
export function ThemeSwitch() {
  const preference = useTheme((s) => s.preference);
  const setPreference = useTheme((s) => s.setPreference);
  return (
    <fieldset className="segmented" aria-label="Theme">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={preference === o.value}
          aria-label={o.label}
          title={o.label}
          className="segmented__item"
          onClick={() => setPreference(o.value)}
        >
          {o.icon}
        </button>
      ))}
    </fieldset>
  );
}
