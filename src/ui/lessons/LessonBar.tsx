/**
 * The lesson picker — one compact row: a button that opens the list of lessons (one click loads a scene),
 * previous/next for walking through them in class, and for a newcomer one clear first action (start the
 * first lesson). The active lesson's caption is LessonCaption, placed beside or below the plot.
 */
import { useEffect, useRef, useState } from 'react';
import { LESSONS, getLesson } from '../../core/lessons';
import { useOptiscope } from '../../state';
import { LessonClaims } from './LessonClaims';
import { useLoadLesson } from './useLoadLesson';

export function LessonBar() {
  const active = useOptiscope((s) => s.view.lesson);
  const loadLesson = useLoadLesson();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const index = LESSONS.findIndex((lesson) => lesson.id === active);
  const current = index >= 0 ? LESSONS[index] : undefined;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const first = LESSONS[0]!;
  const previous = index > 0 ? LESSONS[index - 1] : undefined;
  const next = index >= 0 && index < LESSONS.length - 1 ? LESSONS[index + 1] : undefined;
  return (
    <nav className="lesson-bar" aria-label="Lessons" ref={rootRef}>
      <div className="lesson-picker">
        <button
          type="button"
          className="ghost-button lesson-picker-toggle"
          data-testid="lesson-picker"
          aria-expanded={open}
          aria-controls="lesson-list"
          onClick={() => setOpen((value) => !value)}
        >
          <span className="lesson-bar-title">Lessons</span>
          {current ? (
            <span className="lesson-picker-current">{current.short}</span>
          ) : (
            <span className="lesson-picker-count">{LESSONS.length} to choose from</span>
          )}
          <span aria-hidden="true">▾</span>
        </button>
        {open && (
          <ul className="lesson-list" id="lesson-list">
            {LESSONS.map((lesson, i) => (
              <li key={lesson.id}>
                <button
                  type="button"
                  className={`lesson-chip${active === lesson.id ? ' is-active' : ''}`}
                  aria-pressed={active === lesson.id}
                  data-testid={`lesson-${lesson.id}`}
                  title={lesson.title}
                  onClick={() => {
                    setOpen(false);
                    loadLesson(lesson);
                  }}
                >
                  <span className="lesson-number">{i + 1}</span>
                  <span className="lesson-short">{lesson.short}</span>
                  <span className="lesson-lecture">lecture {lesson.lecture}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {current ? (
        <span className="lesson-steps">
          <button
            type="button"
            className="icon-button"
            data-testid="lesson-previous"
            aria-label={previous ? `Previous lesson: ${previous.short}` : 'No previous lesson'}
            disabled={!previous}
            onClick={() => previous && loadLesson(previous)}
          >
            ‹
          </button>
          <span className="lesson-count">
            {index + 1} / {LESSONS.length}
          </span>
          <button
            type="button"
            className="icon-button"
            data-testid="lesson-next"
            aria-label={next ? `Next lesson: ${next.short}` : 'No next lesson'}
            disabled={!next}
            onClick={() => next && loadLesson(next)}
          >
            ›
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="primary-button"
          data-testid="first-action"
          onClick={() => loadLesson(first)}
        >
          ▶ Start here: {first.short}
        </button>
      )}
    </nav>
  );
}

export function LessonCaption() {
  const active = useOptiscope((s) => s.view.lesson);
  const lesson = active ? getLesson(active) : undefined;
  if (!lesson) return null;
  return (
    <aside className="lesson-caption" data-testid="lesson-caption" aria-live="polite">
      <div className="lesson-heading">
        <p className="lesson-kicker">Lesson · lecture {lesson.lecture}</p>
        <h2>{lesson.title}</h2>
      </div>
      <LessonClaims lesson={lesson} />
    </aside>
  );
}
