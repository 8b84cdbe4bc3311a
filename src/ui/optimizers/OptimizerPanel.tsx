/** The scene's optimizers: add any type (several of one type allowed), edit, hide, remove. */
import { useState } from 'react';
import { LIMITS, OPTIMIZERS } from '../../core';
import { useOptiscope } from '../../state';
import { OptimizerCard } from './OptimizerCard';
import { typeSlots } from '../theme/palette';
import { OptimizerEditor } from '../optimizerEditor';

export function OptimizerPanel() {
  const optimizers = useOptiscope((s) => s.scene.optimizers);
  const addOptimizer = useOptiscope((s) => s.addOptimizer);
  const slots = typeSlots(optimizers);
  const [type, setType] = useState(OPTIMIZERS[0]?.type ?? 'SGD');
  return (
    <section className="card sidebar-section" aria-labelledby="optimizers-title">
      <header className="card-head">
        <h2 id="optimizers-title">Optimizers</h2>
        <span className="muted small">{optimizers.length}</span>
      </header>
      <ul className="optimizer-list" data-testid="optimizer-list">
        {optimizers.map((entry, i) => (
          <OptimizerCard key={entry.id} entry={entry} slot={slots[i]!} />
        ))}
      </ul>
      <div className="add-optimizer">
        <label className="visually-hidden" htmlFor="add-optimizer-type">
          Optimizer type to add
        </label>
        <select
          id="add-optimizer-type"
          value={type}
          onChange={(event) => setType(event.currentTarget.value)}
          data-testid="add-optimizer-type"
        >
          {OPTIMIZERS.map((spec) => (
            <option key={spec.type} value={spec.type}>
              {spec.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary-button"
          data-testid="add-optimizer"
          disabled={optimizers.length >= LIMITS.maxOptimizers}
          onClick={() => addOptimizer(type)}
        >
          Add
        </button>
      </div>
      <OptimizerEditor />
    </section>
  );
}
