import { test } from 'node:test';
import assert from 'node:assert/strict';
import { campaignProgress, exclusionSummary, exclusions } from '../src/lib/progress.js';

test('progress counts every recipient that reached an end of sending', () => {
  const progress = campaignProgress({ status: 'RUNNING', counters: { PENDING: 1, QUEUED: 1, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 1, SKIPPED: 1 } });
  assert.deepEqual(progress, { total: 10, done: 8, delivered: 5, read: 3, failed: 1, percent: 80, finished: false, status: 'RUNNING' });
});

test('a completed campaign is finished; no recipients is 0 percent, not NaN', () => {
  assert.equal(campaignProgress({ status: 'COMPLETED', counters: { READ: 2 } }).finished, true);
  assert.equal(campaignProgress({ status: 'RUNNING', counters: {} }).percent, 0);
  assert.equal(campaignProgress(null).total, 0);
});

test('lower-case counters are read too', () => {
  assert.equal(campaignProgress({ status: 'running', counters: { read: 1, pending: 1 } }).percent, 50);
});

test('exclusions are listed largest first with readable reasons; zeros are left out', () => {
  assert.deepEqual(exclusions({ invalid_phone: 1, no_phone: 3, opted_out: 0, blocked_by_host: 2 }).map((e) => e.label),
    ['no phone number', 'blocked by host', 'phone is not a valid number']);
});

test('the summary says how many selected leads are left out and why', () => {
  assert.equal(exclusionSummary(5, { excluded: { no_phone: 1, opted_out: 1 } }),
    '2 of 5 selected leads will not get it: 1 no phone number, 1 opted out.');
  assert.equal(exclusionSummary(5, { excluded: {} }), null);
});
