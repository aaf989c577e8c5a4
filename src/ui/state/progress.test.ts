import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  PROGRESS_KEY,
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  loadWorld,
  migrateProgress,
  newLessonProgress,
  saveProgress,
  saveWorld,
  type KeyValueStore,
  type ProgressData,
} from './progress';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

function sample(): ProgressData {
  const p = emptyProgress();
  const l = newLessonProgress('2025-01-01T00:00:00.000Z');
  l.current = 2;
  l.steps.first = { done: true, passed: true, seenSolution: false, hints: 1, startSeq: 1 };
  l.quizzes['first-q1'] = { attempts: 2, correct: true, revealed: false, answer: ['a'] };
  l.log.push({ seq: 1, line: 'docker network ls', exitCode: 0, output: 'x\n', host: 'host1', netns: 'host1', user: 'learner' });
  l.history.push('docker network ls');
  p.lessons['00-start/01-welcome'] = l;
  return p;
}

describe('progress persistence', () => {
  it('round-trips through storage under the versioned key', () => {
    const store = memoryStore();
    saveProgress(store, sample());
    expect(JSON.parse(store.data.get(PROGRESS_KEY)!).version).toBe(1);
    expect(loadProgress(store)).toEqual(sample());
  });

  it('starts fresh on damaged data but keeps the damaged text aside', () => {
    const store = memoryStore();
    store.setItem(PROGRESS_KEY, '{"version":1,"lessons":{"x":{"current":"nope"}}}');
    expect(loadProgress(store)).toEqual(emptyProgress());
    expect(store.getItem(`${PROGRESS_KEY}:damaged`)).toContain('nope');
    store.setItem(PROGRESS_KEY, 'not json');
    expect(loadProgress(store)).toEqual(emptyProgress());
  });

  it('refuses data from a newer version instead of misreading it', () => {
    expect(migrateProgress({ version: 2, lessons: {} })).toEqual({ error: 'made by a newer cnlab (progress version 2; this one reads up to 1)' });
    expect(migrateProgress({ lessons: {} })).toEqual({ error: 'not cnlab progress data' });
  });

  it('exports progress and every saved world as one file, and imports it back', () => {
    const a = memoryStore();
    saveProgress(a, sample());
    saveWorld(a, 'lesson:00-start/01-welcome', '{"version":1,"hosts":{}}');
    saveWorld(a, 'sandbox:single-host', '{"version":1,"hosts":{"h":1}}');
    const file = exportProgress(a, sample(), '2025-01-02T00:00:00.000Z');
    const parsed = JSON.parse(file);
    expect(parsed.format).toBe(EXPORT_FORMAT);
    expect(Object.keys(parsed.worlds)).toEqual(['lesson:00-start/01-welcome', 'sandbox:single-host']);

    const b = memoryStore();
    saveWorld(b, 'lesson:old', 'stale');
    expect(importProgress(b, file)).toEqual(sample());
    expect(loadWorld(b, 'sandbox:single-host')).toBe('{"version":1,"hosts":{"h":1}}');
    expect(loadWorld(b, 'lesson:old')).toBeNull();
    expect(loadProgress(b)).toEqual(sample());
  });

  it('rejects files that are not cnlab progress', () => {
    const store = memoryStore();
    expect(importProgress(store, 'hello')).toEqual({ error: 'the file is not JSON' });
    expect(importProgress(store, '{"version":1}')).toEqual({ error: 'not a cnlab progress file' });
    expect(importProgress(store, JSON.stringify({ format: EXPORT_FORMAT, version: 1, lessons: { x: { current: 0 } } }))).toEqual({ error: 'progress of lesson x is damaged' });
  });
});
