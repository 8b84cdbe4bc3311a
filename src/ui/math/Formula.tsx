/** Renders a LaTeX-like formula as readable HTML text (Unicode + <sub>/<sup>). */
import { tokenize } from './latex';

export function Formula({ tex, className }: { tex: string; className?: string }) {
  const tokens = tokenize(tex);
  return (
    <span className={`formula ${className ?? ''}`}>
      {tokens.map((token, i) =>
        token.kind === 'sub' ? (
          <sub key={i}>{token.text}</sub>
        ) : token.kind === 'sup' ? (
          <sup key={i}>{token.text}</sup>
        ) : (
          <span key={i}>{token.text}</span>
        ),
      )}
    </span>
  );
}
