import { describe, expect, it } from 'vitest';
import { quizPoints, summarizeLesson, summarizePart } from './summary';
import type { LessonMeta, PartInfo } from '../../lessons/types';
import { newLessonProgress } from '../state/progress';

const meta = (id: string, steps: string[], quizCount: number): LessonMeta => ({
  id, part: 'p', file: `${id}.md`, order: 1, title: id, summary: '', summaryHtml: '', minutes: 1, world: 'single-host', seed: 1, tags: [], requires: [],
  outline: steps.map((s) => ({ id: s, title: s })), quizCount, checkCount: 0,
});

describe('summaries', () => {
  it('scores quizzes: a point first time, half after retries, none when revealed', () => {
    expect(quizPoints({ attempts: 1, correct: true, revealed: false, answer: null })).toBe(1);
    expect(quizPoints({ attempts: 3, correct: true, revealed: false, answer: null })).toBe(0.5);
    expect(quizPoints({ attempts: 2, correct: false, revealed: true, answer: null })).toBe(0);
    expect(quizPoints(undefined)).toBe(0);
  });

  it('summarises a lesson and a part', () => {
    const p = newLessonProgress('t');
    p.steps.a = { done: true, passed: true, seenSolution: true, hints: 2, startSeq: 1 };
    p.steps.b = { done: false, passed: false, seenSolution: false, hints: 1, startSeq: 3 };
    p.quizzes.q1 = { attempts: 1, correct: true, revealed: false, answer: ['a'] };
    p.quizzes.q2 = { attempts: 2, correct: true, revealed: false, answer: ['b'] };
    p.quizzes.q3 = { attempts: 1, correct: false, revealed: true, answer: ['c'] };
    const m = meta('l1', ['a', 'b'], 4);
    expect(summarizeLesson(m, p)).toEqual({ steps: 2, stepsDone: 1, solutionsSeen: 1, hintsUsed: 3, quizzes: 4, firstTry: 1, afterRetry: 1, revealed: 1, score: 38, completed: false });
    const done = { ...newLessonProgress('t'), completed: true, quizzes: { q: { attempts: 1, correct: true, revealed: false, answer: null } } };
    const part: PartInfo = { id: 'p', title: 'P', order: 0, summary: '', summaryHtml: '', introHtml: '', lessons: ['l1', 'l2'] };
    expect(summarizePart(part, [m, meta('l2', ['x'], 1)], { l1: p, l2: done })).toEqual({ lessons: 2, completed: 1, steps: 3, stepsDone: 1, quizzes: 5, score: 50, solutionsSeen: 1 });
  });
});
