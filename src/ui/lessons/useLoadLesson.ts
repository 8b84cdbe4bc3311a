/** Loads a lesson's scene, points at its panel and (motion permitting) plays it from the start. */
import { useCallback } from 'react';
import type { Lesson } from '../../core/lessons';
import { useOptiscope, type PanelId, type RateMetric, type ViewState } from '../../state';
import { usePrefersReducedMotion } from '../theme/useTheme';

export function useLoadLesson(): (lesson: Lesson) => void {
  const reducedMotion = usePrefersReducedMotion();
  return useCallback(
    (lesson: Lesson) => {
      const { loadScene, view } = useOptiscope.getState();
      const steps = lesson.scene.steps ?? 100;
      const paused = lesson.explainOptimizer !== undefined || lesson.openAtStart === true;
      const patch: Partial<ViewState> = {
        highlight: lesson.panel && lesson.panel !== 'surface' ? (lesson.panel as PanelId) : null,
        explain: lesson.explainOptimizer !== undefined,
        focus: lesson.explainOptimizer !== undefined ? `o${lesson.explainOptimizer + 1}` : null,
        // Paused on the start where the lesson explains a step or speaks of the start; else played (or, with
        // reduced motion, shown at its end).
        step: paused ? 0 : reducedMotion ? steps : 0,
        playing: !paused && !reducedMotion,
        rateMetric: (lesson.quantity as RateMetric | undefined) ?? view.rateMetric,
        panels:
          lesson.panel && lesson.panel !== 'surface' ? { ...view.panels, [lesson.panel]: true } : view.panels,
      };
      const errors = loadScene(lesson.scene, { lesson: lesson.id, view: patch });
      if (errors) console.warn(`lesson ${lesson.id} did not load:`, errors);
    },
    [reducedMotion],
  );
}
