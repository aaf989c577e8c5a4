import { describe, expect, it } from 'vitest';
import { gradeQuiz, keyMatchesOutput, normalizeText } from './quiz';
import type { CompiledQuiz } from './types';

const quiz = (q: Partial<CompiledQuiz>): CompiledQuiz => ({ id: 'q', type: 'single', questionHtml: '', options: [], accept: [], caseSensitive: false, line: 1, ...q });
const opt = (id: string, correct: boolean, text = id) => ({ id, text, html: text, correct });

describe('quiz grading', () => {
  it('grades single and multiple choice by the exact set of ids', () => {
    const single = quiz({ options: [opt('a', false), opt('b', true)] });
    expect(gradeQuiz(single, ['b'])).toBe(true);
    expect(gradeQuiz(single, ['a'])).toBe(false);
    expect(gradeQuiz(single, ['a', 'b'])).toBe(false);
    const multi = quiz({ type: 'multiple', options: [opt('a', true), opt('b', false), opt('c', true)] });
    expect(gradeQuiz(multi, ['c', 'a'])).toBe(true);
    expect(gradeQuiz(multi, ['a'])).toBe(false);
    expect(gradeQuiz(multi, ['a', 'b', 'c'])).toBe(false);
  });

  it('grades free text ignoring case and spacing unless asked, or by a pattern', () => {
    const text = quiz({ type: 'text', accept: ['docker0', 'the docker0 bridge'] });
    expect(gradeQuiz(text, '  Docker0 ')).toBe(true);
    expect(gradeQuiz(text, 'the   docker0\tbridge')).toBe(true);
    expect(gradeQuiz(text, 'docker1')).toBe(false);
    expect(gradeQuiz(quiz({ type: 'text', accept: ['Bridge'], caseSensitive: true }), 'bridge')).toBe(false);
    expect(gradeQuiz(quiz({ type: 'text', pattern: '^172\\.17\\.0\\.\\d+$' }), '172.17.0.2')).toBe(true);
    expect(normalizeText(' A  b ')).toBe('a b');
  });

  it('checks a prediction key against the real output', () => {
    const choice = quiz({ type: 'predict', command: 'x', options: [opt('a', true, 'bridge'), opt('b', false, 'host')] });
    expect(keyMatchesOutput(choice, 'bridge\n')).toBe(true);
    expect(keyMatchesOutput(choice, 'host\n')).toBe(false);
    const text = quiz({ type: 'predict', command: 'x', accept: ['3'] });
    expect(keyMatchesOutput(text, '3\n')).toBe(true);
    expect(keyMatchesOutput(text, '4\n')).toBe(false);
  });
});
