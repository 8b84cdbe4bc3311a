/**
 * Typesets a formula with KaTeX (fonts bundled with the app, no network; output as HTML + MathML so screen
 * readers read it). A formula KaTeX cannot parse is shown as its source text rather than as an error box.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

const cache = new Map<string, string | null>();

/** KaTeX's HTML for `tex`, or null when it does not parse. Memoized: the same equations render every frame. */
export function typeset(tex: string, display = false): string | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  if (!cache.has(key)) {
    let html: string | null;
    try {
      html = katex.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        output: 'htmlAndMathml',
        strict: 'ignore',
      });
    } catch {
      html = null;
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, html);
  }
  return cache.get(key) ?? null;
}

export function Formula({ tex, className, display }: { tex: string; className?: string; display?: boolean }) {
  const html = useMemo(() => typeset(tex, display), [tex, display]);
  if (html === null)
    return (
      <code className={`formula formula-source ${className ?? ''}`} title="shown as typed">
        {tex}
      </code>
    );
  return <span className={`formula ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
