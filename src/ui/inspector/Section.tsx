import type { ReactNode } from 'react';

export function Section({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <section className="inspector__section">
      <header className="inspector__section-header">
        <h3>{title}</h3>
        {aside}
      </header>
      {children}
    </section>
  );
}
