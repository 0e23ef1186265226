/** Small stroke icons (16 px, currentColor), drawn inline so the app ships no icon font. */
import type { ReactNode, SVGProps } from 'react';

function Icon({ children, ...rest }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const NewIcon = () => (
  <Icon>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M12 11v6M9 14h6" />
  </Icon>
);

export const ExamplesIcon = () => (
  <Icon>
    <path d="M4 19.5V5a2 2 0 0 1 2-2h13v16H6.5A2.5 2.5 0 0 0 4 21.5v-2z" />
    <path d="M8 7h7" />
  </Icon>
);

/** An arrow down into a tray: a file coming in (Import), or a picture saved (Save PNG, drawn smaller). */
export const ImportIcon = (props: SVGProps<SVGSVGElement>) => (
  <Icon {...props}>
    <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3" />
  </Icon>
);

export const ExportIcon = () => (
  <Icon>
    <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M17 8l-5-5-5 5M12 3v12" />
  </Icon>
);

/** Two chain links: "Copy link". */
export const LinkIcon = () => (
  <Icon>
    <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
    <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Icon>
);

export const LayoutIcon = () => (
  <Icon>
    <rect x="3" y="4" width="6" height="5" rx="1" />
    <rect x="15" y="4" width="6" height="5" rx="1" />
    <rect x="15" y="15" width="6" height="5" rx="1" />
    <path d="M9 6.5h6M12 6.5v11h3" />
  </Icon>
);

export const FitIcon = () => (
  <Icon>
    <path d="M3 8V5a2 2 0 0 1 2-2h3M16 3h3a2 2 0 0 1 2 2v3M21 16v3a2 2 0 0 1-2 2h-3M8 21H5a2 2 0 0 1-2-2v-3" />
    <rect x="8" y="8" width="8" height="8" rx="1" />
  </Icon>
);

export const SunIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41" />
  </Icon>
);

export const MoonIcon = () => (
  <Icon>
    <path d="M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9z" />
  </Icon>
);

export const MonitorIcon = () => (
  <Icon>
    <rect x="2" y="3" width="20" height="14" rx="2" />
    <path d="M8 21h8M12 17v4" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon width={14} height={14}>
    <circle cx="11" cy="11" r="7" />
    <path d="m21 21-4.35-4.35" />
  </Icon>
);

export const ChevronIcon = ({ direction = 'down' }: { direction?: 'down' | 'up' | 'right' }) => (
  <Icon width={14} height={14}>
    <path
      d={direction === 'down' ? 'm6 9 6 6 6-6' : direction === 'up' ? 'm18 15-6-6-6 6' : 'm9 18 6-6-6-6'}
    />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon>
    <rect x="9" y="9" width="13" height="13" rx="2" />
    <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon width={14} height={14}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 8v4M12 16h.01" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon width={14} height={14}>
    <path d="M18 6 6 18M6 6l12 12" />
  </Icon>
);

export const LogoMark = () => (
  <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
    <rect width="32" height="32" rx="8" fill="var(--accent)" />
    <path
      d="M9 10.5 16 16l-7 5.5M16 16h7"
      stroke="#fff"
      strokeWidth="2.2"
      fill="none"
      strokeLinecap="round"
    />
    <circle cx="9" cy="10.5" r="2.6" fill="#fff" />
    <circle cx="9" cy="21.5" r="2.6" fill="#fff" />
    <circle cx="23" cy="16" r="3" fill="#fff" />
  </svg>
);

export const HelpIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01" />
  </Icon>
);

/** Three layers of neurons, fully connected: the "Build an MLP" button. */
export const MlpIcon = () => (
  <Icon>
    <circle cx="5" cy="8" r="2" />
    <circle cx="5" cy="16" r="2" />
    <circle cx="12" cy="5" r="2" />
    <circle cx="12" cy="12" r="2" />
    <circle cx="12" cy="19" r="2" />
    <circle cx="19" cy="12" r="2" />
    <path d="M7 8l3-2.5M7 8l3 4M7 16l3-4M7 16l3 2.5M14 5.5l3.3 5M14 12h3M14 18.5l3.3-5" strokeWidth="1.4" />
  </Icon>
);

export const GridIcon = () => (
  <Icon>
    <path d="M4 4h16v16H4zM4 10h16M4 15h16M10 4v16M15 4v16" strokeWidth="1.5" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon width={14} height={14}>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);

export const InfoIcon = () => (
  <Icon width={14} height={14}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5M12 8h.01" />
  </Icon>
);

// Training controls: play/pause/step, timeline and the "done" check.

export const PlayIcon = () => (
  <Icon>
    <path d="M7 4.5v15l12-7.5z" fill="currentColor" />
  </Icon>
);

export const PauseIcon = () => (
  <Icon>
    <path d="M8 5v14M16 5v14" strokeWidth="3" />
  </Icon>
);

export const StepIcon = () => (
  <Icon>
    <path d="M5 5v14l9-7z" fill="currentColor" />
    <path d="M18 5v14" strokeWidth="2.5" />
  </Icon>
);

export const PhaseIcon = () => (
  <Icon>
    <path d="M4 12h11M11 7l5 5-5 5" />
    <circle cx="19.5" cy="12" r="1.5" fill="currentColor" />
  </Icon>
);

export const ResetIcon = () => (
  <Icon>
    <path d="M3 12a9 9 0 1 0 3-6.7" />
    <path d="M3 4v5h5" />
  </Icon>
);

export const RewindIcon = () => (
  <Icon>
    <path d="M11 19l-8-7 8-7zM21 19l-8-7 8-7z" fill="currentColor" strokeWidth="1" />
  </Icon>
);

export const LiveIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="3.5" fill="currentColor" />
    <path d="M6.3 6.3a8 8 0 0 0 0 11.4M17.7 6.3a8 8 0 0 1 0 11.4" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Icon>
);

export const PictureIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="M21 17l-5-5-9 8" />
  </Icon>
);

export const CodeIcon = () => (
  <Icon>
    <path d="M8 6l-6 6 6 6M16 6l6 6-6 6" />
  </Icon>
);

/** Two loss curves falling side by side: "Compare…" (runs compared). */
export const CompareIcon = () => (
  <Icon>
    <path d="M4 4v16h16" />
    <path d="M7 7c2 6 5 8 12 9" />
    <path d="M7 7c1 3 3 5 5 5s3-4 7-4" strokeDasharray="2 2" />
  </Icon>
);
