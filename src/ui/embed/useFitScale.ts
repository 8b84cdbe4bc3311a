/** The scale that fits a fixed-width stage (its natural height measured) into the frame, keeping its aspect ratio. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useFitScale(
  stage: RefObject<HTMLElement | null>,
  frame: RefObject<HTMLElement | null>,
): number {
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const stageElement = stage.current;
    const frameElement = frame.current;
    if (!stageElement || !frameElement) return;
    const update = () => {
      // offsetWidth/Height ignore CSS transforms: the stage's own layout size.
      const width = stageElement.offsetWidth;
      const height = stageElement.offsetHeight;
      if (width === 0 || height === 0) return;
      setScale(Math.min(frameElement.clientWidth / width, frameElement.clientHeight / height));
    };
    const observer = new ResizeObserver(update);
    observer.observe(stageElement);
    observer.observe(frameElement);
    update();
    return () => observer.disconnect();
  }, [stage, frame]);
  return scale;
}
