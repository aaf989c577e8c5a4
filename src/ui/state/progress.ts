// Lesson progress as stored in the browser under a versioned schema: steps, quiz answers and scores, the command
// log and history per lesson, and each lesson's world snapshot (kept under its own key, so saving progress after
// a command does not rewrite every world). Export and import move all of it as one JSON file.
import type { LogEntry } from '../../worker/protocol';

export const PROGRESS_VERSION = 1;
export const PROGRESS_KEY = 'cnlab:progress';
const WORLD_PREFIX = 'cnlab:world:';
export const EXPORT_FORMAT = 'cnlab-progress';

export interface StepProgress {
  done: boolean;
  /** Every check held at least once (they may stop holding later; the step stays passed). */
  passed: boolean;
  seenSolution: boolean;
  /** How many hints were revealed. */
  hints: number;
  /** Commands from this log sequence number on count for the step's `ran` checks. */
  startSeq: number;
}

export interface QuizProgress {
  attempts: number;
  correct: boolean;
  /** The learner gave up and looked at the answer. */
  revealed: boolean;
  /** The last answer given: option ids or text. */
  answer: string[] | string | null;
}

export interface LessonProgress {
  /** Index of the step on screen; `steps.length` means the summary. */
  current: number;
  steps: Record<string, StepProgress>;
  quizzes: Record<string, QuizProgress>;
  log: LogEntry[];
  /** Lines typed during the lesson, oldest first. */
  history: string[];
  completed: boolean;
  startedAt: string;
  updatedAt: string;
}

/** A sandbox world per preset (free play). */
export interface SandboxProgress {
  history: string[];
  updatedAt: string;
}

export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  sandbox: Record<string, SandboxProgress>;
}

/** The subset of the Web Storage API used here (localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, lessons: {}, sandbox: {} };
}

export function newLessonProgress(now: string): LessonProgress {
  return { current: 0, steps: {}, quizzes: {}, log: [], history: [], completed: false, startedAt: now, updatedAt: now };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function validLesson(v: unknown): v is LessonProgress {
  if (!isObj(v) || typeof v.current !== 'number' || !isObj(v.steps) || !isObj(v.quizzes) || !Array.isArray(v.log) || !isStrArr(v.history)) return false;
  if (typeof v.completed !== 'boolean') return false;
  const stepsOk = Object.values(v.steps).every((s) => isObj(s) && typeof s.done === 'boolean' && typeof s.passed === 'boolean' && typeof s.seenSolution === 'boolean' && typeof s.hints === 'number' && typeof s.startSeq === 'number');
  const quizOk = Object.values(v.quizzes).every((q) => isObj(q) && typeof q.attempts === 'number' && typeof q.correct === 'boolean' && typeof q.revealed === 'boolean');
  const logOk = v.log.every((e) => isObj(e) && typeof e.seq === 'number' && typeof e.line === 'string' && typeof e.exitCode === 'number' && typeof e.output === 'string');
  return stepsOk && quizOk && logOk;
}

/**
 * Brings stored data of any known version to the current schema, or explains why it cannot.
 * (Version 1 is the first; later versions add a step here from each older one.)
 */
export function migrateProgress(raw: unknown): ProgressData | { error: string } {
  if (!isObj(raw) || typeof raw.version !== 'number') return { error: 'not cnlab progress data' };
  if (raw.version > PROGRESS_VERSION) return { error: `made by a newer cnlab (progress version ${raw.version}; this one reads up to ${PROGRESS_VERSION})` };
  if (raw.version < 1) return { error: `unknown progress version ${raw.version}` };
  const lessons = isObj(raw.lessons) ? raw.lessons : {};
  const bad = Object.entries(lessons).find(([, l]) => !validLesson(l));
  if (bad) return { error: `progress of lesson ${bad[0]} is damaged` };
  const sandbox = isObj(raw.sandbox) ? raw.sandbox : {};
  const cleanSandbox: Record<string, SandboxProgress> = {};
  for (const [k, s] of Object.entries(sandbox)) if (isObj(s) && isStrArr(s.history)) cleanSandbox[k] = { history: s.history, updatedAt: String(s.updatedAt ?? '') };
  return { version: PROGRESS_VERSION, lessons: lessons as Record<string, LessonProgress>, sandbox: cleanSandbox };
}

export function loadProgress(store: KeyValueStore): ProgressData {
  const text = store.getItem(PROGRESS_KEY);
  if (!text) return emptyProgress();
  try {
    const r = migrateProgress(JSON.parse(text));
    if (!('error' in r)) return r;
  } catch {
    // fall through: keep the damaged text aside rather than lose it silently
  }
  store.setItem(`${PROGRESS_KEY}:damaged`, text);
  return emptyProgress();
}

export function saveProgress(store: KeyValueStore, data: ProgressData): void {
  store.setItem(PROGRESS_KEY, JSON.stringify(data));
}

/** World snapshots: `lesson:<id>` or `sandbox:<preset>`. */
export function loadWorld(store: KeyValueStore, key: string): string | null {
  return store.getItem(WORLD_PREFIX + key);
}

export function saveWorld(store: KeyValueStore, key: string, snapshot: string): boolean {
  try {
    store.setItem(WORLD_PREFIX + key, snapshot);
    return true;
  } catch {
    return false; // over quota: progress still saves; the world restarts from the lesson's setup
  }
}

export function removeWorld(store: KeyValueStore, key: string): void {
  store.removeItem(WORLD_PREFIX + key);
}

function worldKeys(store: KeyValueStore): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(WORLD_PREFIX)) keys.push(k.slice(WORLD_PREFIX.length));
  }
  return keys.sort();
}

/** Everything as one file: progress plus every saved world. */
export function exportProgress(store: KeyValueStore, data: ProgressData, now: string): string {
  const worlds: Record<string, string> = {};
  for (const k of worldKeys(store)) worlds[k] = loadWorld(store, k)!;
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now, ...data, worlds });
}

/** Reads an exported file; on success replaces the stored progress and worlds. */
export function importProgress(store: KeyValueStore, text: string): ProgressData | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'the file is not JSON' };
  }
  if (!isObj(raw) || raw.format !== EXPORT_FORMAT) return { error: 'not a cnlab progress file' };
  const data = migrateProgress(raw);
  if ('error' in data) return data;
  const worlds = isObj(raw.worlds) ? raw.worlds : {};
  for (const k of worldKeys(store)) removeWorld(store, k);
  for (const [k, w] of Object.entries(worlds)) if (typeof w === 'string') saveWorld(store, k, w);
  saveProgress(store, data);
  return data;
}
