/** One optimizer of the scene: identity, show/hide, duplicate, remove, and every setting (collapsible). */
import { useState } from 'react';
import { getOptimizer } from '../../core';
import { useOptiscope, type OptimizerEntry } from '../../state';
import { describeSettings } from '../legend/describe';
import { RunSwatch } from '../legend/RunSwatch';
import { useIsDark } from '../theme/useTheme';
import { HyperparameterControl } from './HyperparameterControl';
import { DuplicateIcon, RemoveIcon } from './icons';
import { TrainingControls } from './TrainingControls';

export function OptimizerCard({ entry, slot }: { entry: OptimizerEntry; slot: number }) {
  const [open, setOpen] = useState(false);
  const steps = useOptiscope((s) => s.scene.steps);
  const { updateOptimizer, setHyperparameter, removeOptimizer, duplicateOptimizer } = useOptiscope.getState();
  const dark = useIsDark();
  const spec = getOptimizer(entry.type);
  const bodyId = `optimizer-body-${entry.id}`;
  return (
    <li
      className={`optimizer-card${entry.enabled ? '' : ' is-disabled'}`}
      data-testid="optimizer-card"
      data-optimizer={entry.id}
    >
      <div className="optimizer-head">
        <input
          type="checkbox"
          checked={entry.enabled}
          onChange={(event) => updateOptimizer(entry.id, { enabled: event.currentTarget.checked })}
          aria-label={`Show ${entry.label}`}
        />
        <RunSwatch slot={slot} dark={dark} muted={!entry.enabled} />
        <button
          type="button"
          className="optimizer-title"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span className="optimizer-name">{entry.label}</span>
          <span className="optimizer-summary">{describeSettings(entry).join(' · ')}</span>
        </button>
        <button
          type="button"
          className="icon-button small"
          onClick={() => duplicateOptimizer(entry.id)}
          aria-label={`Duplicate ${entry.label}`}
          title="Duplicate"
        >
          <DuplicateIcon />
        </button>
        <button
          type="button"
          className="icon-button small"
          data-testid="remove-optimizer"
          onClick={() => removeOptimizer(entry.id)}
          aria-label={`Remove ${entry.label}`}
          title="Remove"
        >
          <RemoveIcon />
        </button>
      </div>
      {open && spec && (
        <div className="optimizer-body" id={bodyId}>
          <label className="text-field">
            <span>Name</span>
            <input
              type="text"
              value={entry.label}
              maxLength={60}
              onChange={(event) => updateOptimizer(entry.id, { label: event.currentTarget.value })}
            />
          </label>
          <p className="muted small">
            {spec.label} · {spec.description}
          </p>
          {spec.hyperparameters.map((hp) => (
            <HyperparameterControl
              key={hp.key}
              spec={hp}
              value={entry.hyperparameters[hp.key]}
              onChange={(value) => setHyperparameter(entry.id, hp.key, value)}
            />
          ))}
          <TrainingControls
            entry={entry}
            steps={steps}
            update={(patch) => updateOptimizer(entry.id, patch)}
          />
        </div>
      )}
    </li>
  );
}
