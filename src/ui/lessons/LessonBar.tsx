/** The lesson picker (one click loads a scene) and the active lesson's caption, shown prominently. */
import { LESSONS, getLesson } from '../../core/lessons';
import { useOptiscope } from '../../state';
import { LessonClaims } from './LessonClaims';
import { useLoadLesson } from './useLoadLesson';

export function LessonBar() {
  const active = useOptiscope((s) => s.view.lesson);
  const loadLesson = useLoadLesson();
  return (
    <nav className="lesson-bar" aria-label="Lessons">
      <span className="lesson-bar-title">Lessons</span>
      <ul>
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              className={`lesson-chip${active === lesson.id ? ' is-active' : ''}`}
              aria-pressed={active === lesson.id}
              data-testid={`lesson-${lesson.id}`}
              title={lesson.title}
              onClick={() => loadLesson(lesson)}
            >
              {lesson.short}
            </button>
          </li>
        ))}
      </ul>
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
