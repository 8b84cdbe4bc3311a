/**
 * Hatched gaps where the function is undefined (log of a negative, 0/0 …). Drawn over the filled
 * contours, inside their zoom transform:
 *   <UndefinedRegion surface={surface} box={box} width={width} height={height} />
 */
import { useId, useMemo } from 'react';
import type { ViewBox } from '../../core';
import { undefinedRegionPath } from './undefinedRegion';
import './expression.css';

interface Props {
  surface: { value(w1: number, w2: number): number };
  box: ViewBox;
  width: number;
  height: number;
}

export function UndefinedRegion({ surface, box, width, height }: Props) {
  const id = useId().replace(/:/g, '');
  const boxKey = `${box.w1.join()},${box.w2.join()}`;
  const d = useMemo(
    () => undefinedRegionPath(surface, box, width, height),
    [surface, boxKey, width, height], // eslint-disable-line react-hooks/exhaustive-deps
  );
  if (!d) return null;
  return (
    <g className="undefined-region" data-testid="undefined-region">
      <defs>
        <pattern
          id={`gap-${id}`}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <line x1="0" y1="0" x2="0" y2="8" className="undefined-hatch" />
        </pattern>
      </defs>
      <path className="undefined-fill" d={d} />
      <path d={d} fill={`url(#gap-${id})`}>
        <title>The function is undefined here</title>
      </path>
    </g>
  );
}
