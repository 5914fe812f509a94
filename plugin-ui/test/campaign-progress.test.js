import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionRequest, actionsFor, isLive, progressFromCampaign, progressFromEvent, statusLabel } from '../src/lib/campaign-progress.js';

test('progress of a campaign counts final recipients as done', () => {
  const progress = progressFromCampaign({ status: 'RUNNING', counters: { PENDING: 2, QUEUED: 1, SENT: 3, READ: 3, FAILED: 1 } });
  assert.equal(progress.total, 10);
  assert.equal(progress.done, 7);
  assert.equal(progress.percent, 70);
  assert.equal(progress.counts.pending, 2);
  assert.equal(progress.counts.delivered, 0);
});

test('a campaign with no recipients yet is at 0%, not NaN', () => {
  const progress = progressFromCampaign({ status: 'DRAFT', counters: {} });
  assert.equal(progress.total, 0);
  assert.equal(progress.percent, 0);
});

test('a progress event is trusted for its total and done and its status is upper-cased', () => {
  const progress = progressFromEvent({ status: 'running', total: 4, done: 1, counts: { read: 1, pending: 3 }, ratePerMinute: 60 });
  assert.equal(progress.status, 'RUNNING');
  assert.equal(progress.percent, 25);
  assert.equal(progress.ratePerMinute, 60);
  assert.equal(progress.counts.read, 1);
});

test('each status offers only the moves the server allows', () => {
  assert.deepEqual(actionsFor('DRAFT'), ['launch']);
  assert.deepEqual(actionsFor('SCHEDULED'), ['unschedule', 'cancel']);
  assert.deepEqual(actionsFor('RUNNING'), ['pause', 'cancel']);
  assert.deepEqual(actionsFor('paused'), ['resume', 'cancel']);
  assert.deepEqual(actionsFor('COMPLETED'), []);
  assert.deepEqual(actionsFor('COMPLETED', { failed: 2 }), ['retry-failed']);
  assert.deepEqual(actionsFor('CANCELLED', { failed: 2 }), []);
});

test('only scheduled and running campaigns are worth watching', () => {
  assert.ok(isLive('RUNNING'));
  assert.ok(isLive('scheduled'));
  assert.ok(!isLive('PAUSED'));
  assert.ok(!isLive('COMPLETED'));
});

test('status words read as plain words', () => {
  assert.equal(statusLabel('RUNNING'), 'Running');
  assert.equal(statusLabel('opted_out'), 'Opted out');
});

test('unscheduling deletes the schedule; every other action is a POST of its name', () => {
  assert.deepEqual(actionRequest('unschedule'), { method: 'DELETE', path: 'schedule' });
  assert.deepEqual(actionRequest('retry-failed'), { method: 'POST', path: 'retry-failed' });
});
