import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FINAL_STATUSES, isFinalStatus, needsRefresh, statusTick } from '../src/lib/status.js';

test('sent shows one tick, delivered two, read two in blue', () => {
  assert.equal(statusTick('sent').symbol, '✓');
  assert.equal(statusTick('delivered').symbol, '✓✓');
  assert.equal(statusTick('read').symbol, '✓✓');
  assert.equal(statusTick('read').tone, 'read');
  assert.notEqual(statusTick('delivered').tone, 'read');
});

test('waiting statuses share the clock', () => {
  for (const status of ['pending', 'queued', 'sending']) {
    assert.equal(statusTick(status).symbol, '🕒', status);
    assert.equal(statusTick(status).tone, 'waiting');
  }
});

test('failed shows an exclamation mark with a readable label', () => {
  assert.deepEqual(statusTick('failed'), { symbol: '!', tone: 'failed', label: 'Failed' });
});

test('status matching ignores case', () => {
  assert.equal(statusTick('DELIVERED').label, 'Delivered');
});

test('an unknown or missing status is shown as unknown, naming it', () => {
  assert.equal(statusTick('bounced').symbol, '?');
  assert.equal(statusTick('bounced').label, 'Status: bounced');
  assert.equal(statusTick(undefined).label, 'Status unknown');
});

test('final statuses are exactly read, failed, opted_out, skipped and unknown', () => {
  assert.deepEqual([...FINAL_STATUSES].sort(), ['failed', 'opted_out', 'read', 'skipped', 'unknown']);
  assert.equal(isFinalStatus('delivered'), false);
  assert.equal(isFinalStatus('sent'), false);
  assert.equal(isFinalStatus(null), false);
});

test('refresh is needed while a tracked message is not final', () => {
  const items = [{ id: 'a', status: 'read' }, { id: 'b', status: 'delivered' }];
  assert.equal(needsRefresh(items, new Set(['a', 'b'])), true);
  assert.equal(needsRefresh(items, new Set(['a'])), false);
});

test('refresh is needed while a tracked message is missing from the history', () => {
  assert.equal(needsRefresh([{ id: 'a', status: 'read' }], new Set(['z'])), true);
});

test('nothing tracked means no refresh, whatever the history holds', () => {
  assert.equal(needsRefresh([{ id: 'a', status: 'queued' }], new Set()), false);
  assert.equal(needsRefresh([{ id: 'a', status: 'queued' }], undefined), false);
});
