import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, editDistance, formatIssue } from './issues.ts';

test('did you mean: one close name is offered; none when the name is far or two are as close', () => {
  assert.equal(didYouMean('agadze', ['agadez', 'niamey']), 'did you mean "agadez"?');
  assert.equal(didYouMean('C-17', ['C-17A', 'C-130J-30']), 'did you mean "C-17A"?');
  assert.equal(didYouMean('plna', ['plan', 'check']), 'did you mean "plan"?');
  assert.equal(didYouMean('timbuktu', ['agadez', 'niamey']), undefined);
  assert.equal(didYouMean('ab', ['ac', 'ad']), undefined, 'a tie gives no guess');
  assert.equal(didYouMean('niamey', ['niamey']), undefined, 'an exact name needs no hint');
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('an issue prints as file:line: path: message (hint), a sheet issue by row and column', () => {
  const i = { path: 'items[2].site', code: 'unknown_ref' as const, message: 'unknown site "agadze"', line: 14, hint: 'did you mean "agadez"?' };
  assert.equal(formatIssue(i, 's.yaml'), 's.yaml:14: items[2].site: unknown site "agadze" (did you mean "agadez"?)');
  assert.equal(formatIssue({ ...i, hint: undefined }), 'items[2].site: unknown site "agadze"');
  assert.equal(
    formatIssue({ path: 'Location', code: 'unknown_ref', message: 'unknown site "x"', file: 'items.csv', line: 7, column: 'Location' }),
    'items.csv: row 7, column "Location": unknown site "x"',
  );
});
