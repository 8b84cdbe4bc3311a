/**
 * The active lesson's caption, measured on the runs on screen: on the lesson's own scene every sentence holds
 * (lessons.test.ts proves it); once the start, steps or seed are changed the sentences are re-measured on the
 * new runs, and any that the changed scene no longer shows is marked as such instead of being asserted.
 */
import { useMemo } from 'react';
import { lessonCaption, lessonRuns, holds, type Claim, type Lesson } from '../../core/lessons';
import { parseScene, sceneToJson, simulate } from '../../core';
import { coreScene, useOptiscope } from '../../state';
import { useLoadLesson } from './useLoadLesson';

type Measured = { claims: readonly Claim[]; own: boolean } | { claims: null; own: false };

function sameScene(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function LessonClaims({ lesson }: { lesson: Lesson }) {
  const scene = useOptiscope((s) => s.scene);
  const loadLesson = useLoadLesson();
  const measured = useMemo<Measured>(() => {
    const own = parseScene(lesson.scene);
    const current = coreScene(scene);
    if (own.ok && sameScene(sceneToJson(own.value), sceneToJson(current)))
      return { claims: lessonCaption(lesson), own: true };
    try {
      return { claims: lesson.caption(lessonRuns(simulate(current))), own: false };
    } catch {
      return { claims: null, own: false };
    }
  }, [lesson, scene]);

  const restore = (
    <button
      type="button"
      className="link-button"
      onClick={() => loadLesson(lesson)}
      data-testid="lesson-restore"
    >
      Restore the lesson’s scene
    </button>
  );
  if (!measured.claims)
    return (
      <div className="lesson-text">
        <p className="lesson-changed">The caption reads runs this scene no longer has. {restore}</p>
      </div>
    );
  return (
    <div className="lesson-text" data-testid="lesson-claims">
      {measured.claims.map((c) => {
        const ok = holds(c);
        return (
          <p key={c.text} className={ok ? undefined : 'is-false'} data-holds={ok}>
            {!ok && <span className="claim-flag">Not true in your changed scene: </span>}
            {c.text}
          </p>
        );
      })}
      {!measured.own && (
        <p className="lesson-changed" data-testid="lesson-changed">
          You changed the lesson’s scene; the numbers above are measured on your runs. {restore}
        </p>
      )}
    </div>
  );
}
