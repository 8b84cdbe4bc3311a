import { describe, expect, it } from 'vitest';
import { parseScene } from '../core';
import { defaultSceneState } from './initialState';
import { readSceneFile, sceneFileName, sceneFileText } from './sceneFile';

describe('scene files', () => {
  it('save → open is the identity and the file is the headless API format', () => {
    const scene = defaultSceneState();
    const text = sceneFileText(scene);
    expect(parseScene(JSON.parse(text)).ok).toBe(true);
    const opened = readSceneFile(text);
    expect(opened).toEqual({ ok: true, scene });
    expect(sceneFileName(scene)).toBe('optiscope-quadratic-6-optimizers.json');
  });

  it('reports what is wrong with a bad file', () => {
    expect(readSceneFile('{')).toMatchObject({ ok: false });
    const bad = readSceneFile(
      JSON.stringify({ surface: 'quadratic', optimizers: [{ type: 'SGD', lr: -1 }] }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/optimizers\[0\]\.lr/);
  });
});
