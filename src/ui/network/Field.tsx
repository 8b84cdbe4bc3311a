/** A labelled control of the Network view's forms (`wide` for the lesson picker, which spans the row). */
import type { ReactNode } from 'react';

export function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'nn-field nn-lesson-field' : 'nn-field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}
