import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupErrors } from '../src/campaign-detail-tables.js';

test('failed recipients are grouped by error code, the most frequent first', () => {
  const groups = groupErrors([
    { errorCode: 131026, errorMessage: 'Message undeliverable' },
    { errorCode: 131049, errorMessage: 'Not delivered to keep engagement healthy' },
    { errorCode: 131049, errorMessage: 'Not delivered to keep engagement healthy' },
    { errorCode: null, errorMessage: 'no answer' },
  ]);
  assert.deepEqual(groups.map((g) => [g.code, g.count]), [[131049, 2], [131026, 1], [null, 1]]);
  assert.equal(groups[0].meaning, 'Not delivered to keep engagement healthy');
  assert.deepEqual(groupErrors([]), []);
});
