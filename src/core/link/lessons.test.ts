/** Every lesson scene survives a permalink unchanged (the e2e test checks the same through the app). */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import { parseScene } from '../scene';
import { decodeLink, encodeLink } from './index';

describe('lesson scenes as links', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id} round-trips`, () => {
      const parsed = parseScene(lesson.scene);
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const state = { scene: parsed.value, view: { lesson: lesson.id, step: 0 } };
      const link = encodeLink(state);
      const decoded = decodeLink(link);
      expect(decoded.warnings).toEqual([]);
      expect(decoded.state).toEqual(state);
      expect(link.length).toBeLessThan(600);
    });
  }
});
