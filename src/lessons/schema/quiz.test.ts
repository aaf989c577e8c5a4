import { describe, expect, it } from 'vitest';
import { parseQuiz } from './quiz';

describe('parseQuiz', () => {
  it('infers the type and numbers options a, b, c', () => {
    const single = parseQuiz({ question: 'Q', options: ['x', { text: 'y', explain: 'because' }], answer: 'b' });
    expect(single).toEqual({
      ok: true,
      value: {
        id: undefined,
        type: 'single',
        question: 'Q',
        options: [
          { id: 'a', text: 'x', correct: false },
          { id: 'b', text: 'y', explain: 'because', correct: true },
        ],
        accept: [],
        pattern: undefined,
        caseSensitive: false,
        command: undefined,
        explain: undefined,
      },
    });
    expect(parseQuiz({ question: 'Q', options: ['x', 'y'], answer: ['a', 'b'] })).toMatchObject({ ok: true, value: { type: 'multiple' } });
    expect(parseQuiz({ question: 'Q', accept: 'docker0' })).toMatchObject({ ok: true, value: { type: 'text', accept: ['docker0'] } });
    expect(parseQuiz({ question: 'Q', command: 'echo hi', accept: 'hi' })).toMatchObject({ ok: true, value: { type: 'predict' } });
  });

  it('rejects answer keys that point nowhere, and mixed-up fields', () => {
    expect(parseQuiz({ question: 'Q', options: ['x', 'y'], answer: 'c' })).toEqual({ ok: false, issues: [{ path: ['answer'], message: 'has no option `c` (options: a, b)' }] });
    expect(parseQuiz({ question: 'Q', options: ['x', 'y'], answer: ['a', 'b'], type: 'single' })).toEqual({ ok: false, issues: [{ path: ['answer'], message: 'has several answers: use `type: multiple`' }] });
    expect(parseQuiz({ question: 'Q', options: ['x', 'y'] })).toEqual({ ok: false, issues: [{ path: [], message: 'needs an `answer`: the id of the correct option (a, b, c, ... by default)' }] });
    expect(parseQuiz({ question: 'Q', type: 'text' })).toEqual({ ok: false, issues: [{ path: [], message: 'a free-text quiz needs `accept` (answers) or `pattern` (a regular expression)' }] });
    expect(parseQuiz({ question: 'Q', type: 'predict', accept: 'x' })).toEqual({ ok: false, issues: [{ path: ['command'], message: 'a predict quiz needs the `command` whose output the learner predicts' }] });
    expect(parseQuiz({ question: 'Q', options: [{ text: 'x', id: 'k' }, { text: 'y', id: 'k' }], answer: 'k' })).toMatchObject({ ok: false, issues: [{ path: ['options', 1, 'id'], message: 'duplicate option id `k`' }] });
  });

  it('reports schema problems with friendly wording', () => {
    expect(parseQuiz({ question: 'Q', options: ['only one'], answer: 'a' })).toEqual({ ok: false, issues: [{ path: ['options'], message: 'needs at least 2 item(s)' }] });
    expect(parseQuiz({ question: 'Q', accept: 'x', pattern: '(' })).toEqual({ ok: false, issues: [{ path: ['pattern'], message: 'is not a valid regular expression' }] });
    expect(parseQuiz({ question: 'Q', accept: 'x', colour: 'red' })).toEqual({ ok: false, issues: [{ path: ['colour'], message: 'unknown key `colour`', atKey: true }] });
  });
});
