/**
 * The update rule of the settings in force, typeset, in torch's form (the trajectories are torch's) and,
 * where the lectures write it differently, in the lecture's own notation with how the two map.
 */
import { equationsFor, type OptimizerSpec } from '../../core/optimizers/spec';
import type { Hyperparameters } from '../../core';
import { Formula } from '../math/Formula';

export function UpdateRule({ spec, hp }: { spec: OptimizerSpec; hp: Hyperparameters }) {
  const lecture = spec.lectureForm?.(hp) ?? null;
  return (
    <div className="update-rule">
      <div className="equations" aria-label={`${spec.label} update rule`} data-testid="update-rule">
        {lecture && <span className="equations-kicker">torch.optim (drawn)</span>}
        {equationsFor(spec, hp).map((tex) => (
          <Formula key={tex} tex={tex} display />
        ))}
      </div>
      {lecture && (
        <div className="equations is-lecture" data-testid="lecture-form">
          <span className="equations-kicker">lecture {lecture.lecture}’s notation</span>
          {lecture.equations.map((tex) => (
            <Formula key={tex} tex={tex} display />
          ))}
          <p className="equations-note">{lecture.note}</p>
        </div>
      )}
    </div>
  );
}
