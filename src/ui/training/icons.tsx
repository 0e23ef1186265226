/** Training icons (16 px, currentColor), in the style of src/ui/icons.tsx. */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
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
    >
      {children}
    </svg>
  );
}

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
