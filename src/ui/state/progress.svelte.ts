// The learner's progress as reactive state, saved to localStorage after every change (see progress.ts for the
// versioned schema, export and import).
import {
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  loadWorld,
  newLessonProgress,
  removeWorld,
  saveProgress,
  saveWorld,
  type KeyValueStore,
  type LessonProgress,
  type ProgressData,
} from './progress';

/** localStorage, or an in-memory stand-in where it is unavailable (private modes, tests). */
function browserStore(): KeyValueStore {
  try {
    const s = window.localStorage;
    s.getItem('cnlab:probe');
    return s;
  } catch {
    const m: Record<string, string> = {};
    return {
      getItem: (k) => m[k] ?? null,
      setItem: (k, v) => void (m[k] = v),
      removeItem: (k) => void delete m[k],
      get length() {
        return Object.keys(m).length;
      },
      key: (i) => Object.keys(m)[i] ?? null,
    };
  }
}

class ProgressStore {
  private readonly store: KeyValueStore = browserStore();
  data = $state<ProgressData>(emptyProgress());
  /** Set when saving failed (storage full); shown to the learner. */
  warning = $state<string | null>(null);

  constructor() {
    this.data = loadProgress(this.store);
  }

  /** The lesson's progress, created on first use. */
  lesson(id: string): LessonProgress {
    this.data.lessons[id] ??= newLessonProgress(new Date().toISOString());
    return this.data.lessons[id];
  }

  peek(id: string): LessonProgress | undefined {
    return this.data.lessons[id];
  }

  save(lessonId?: string): void {
    if (lessonId && this.data.lessons[lessonId]) this.data.lessons[lessonId].updatedAt = new Date().toISOString();
    try {
      saveProgress(this.store, $state.snapshot(this.data) as ProgressData);
      this.warning = null;
    } catch {
      this.warning = 'Your browser storage is full: progress could not be saved.';
    }
  }

  world(key: string): string | null {
    return loadWorld(this.store, key);
  }

  saveWorld(key: string, snapshot: string): void {
    if (!saveWorld(this.store, key, snapshot)) this.warning = 'Your browser storage is full: the lab world could not be saved.';
  }

  /** Forgets a lesson: its steps, answers, log and world. */
  resetLesson(id: string): void {
    delete this.data.lessons[id];
    removeWorld(this.store, `lesson:${id}`);
    this.save();
  }

  exportText(): string {
    return exportProgress(this.store, $state.snapshot(this.data) as ProgressData, new Date().toISOString());
  }

  /** Replaces all progress with an exported file; returns an error message or null. */
  importText(text: string): string | null {
    const r = importProgress(this.store, text);
    if ('error' in r) return r.error;
    this.data = r;
    return null;
  }
}

export const progress = new ProgressStore();
