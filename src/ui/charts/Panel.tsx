/** A titled card around one panel, with an optional toolbar and highlight (lessons point at a panel). */
import type { ReactNode } from 'react';
import type { PanelId } from '../../state';
import { useOptiscope } from '../../state';

interface Props {
  id: PanelId;
  title: string;
  subtitle?: ReactNode;
  tools?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Panel({ id, title, subtitle, tools, children, className }: Props) {
  const highlighted = useOptiscope((s) => s.view.lesson !== null && s.view.highlight === id);
  return (
    <section
      className={`card panel ${className ?? ''}${highlighted ? ' is-highlighted' : ''}`}
      data-testid={`panel-${id}`}
      aria-labelledby={`panel-title-${id}`}
    >
      <header className="card-head">
        <div>
          <h2 id={`panel-title-${id}`}>{title}</h2>
          {subtitle && <p className="card-subtitle">{subtitle}</p>}
        </div>
        {tools && <div className="card-tools">{tools}</div>}
      </header>
      {children}
    </section>
  );
}
