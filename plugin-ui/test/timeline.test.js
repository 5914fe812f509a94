import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, mergeMessages, newestFirst, statusTimes } from '../src/lib/timeline.js';

const msg = (id, createdAt, status = 'sent') => ({ id, createdAt, status });

test('history is ordered newest first without changing the input', () => {
  const items = [msg('a', '2025-01-01T10:00:00Z'), msg('b', '2025-01-02T10:00:00Z')];
  assert.deepEqual(newestFirst(items).map((m) => m.id), ['b', 'a']);
  assert.deepEqual(items.map((m) => m.id), ['a', 'b']);
  assert.deepEqual(newestFirst(undefined), []);
});

test('a fresh copy of a message replaces the old one', () => {
  const merged = mergeMessages([msg('a', '2025-01-01T10:00:00Z', 'sent')], [msg('a', '2025-01-01T10:00:00Z', 'read')]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].status, 'read');
});

test('older pages and new messages are merged in order', () => {
  const current = [msg('b', '2025-01-02T10:00:00Z')];
  const merged = mergeMessages(current, [msg('a', '2025-01-01T10:00:00Z'), msg('c', '2025-01-03T10:00:00Z')]);
  assert.deepEqual(merged.map((m) => m.id), ['c', 'b', 'a']);
});

test('only the timestamps a message has are listed', () => {
  const times = statusTimes({ createdAt: 't1', sentAt: 't2', deliveredAt: null, readAt: 't4' });
  assert.deepEqual(times, [['Created', 't1'], ['Sent', 't2'], ['Read', 't4']]);
});

test('times are formatted in the given zone; bad values pass through', () => {
  const text = formatTime('2025-03-12T09:04:00Z', { locale: 'en-GB', timeZone: 'UTC' });
  assert.match(text, /12 Mar 2025/);
  assert.match(text, /09:04/);
  assert.equal(formatTime('yesterday'), 'yesterday');
  assert.equal(formatTime(null), '');
});

test('an unknown time zone falls back to ISO rather than failing', () => {
  assert.equal(formatTime('2025-03-12T09:04:00Z', { timeZone: 'Mars/Olympus' }), '2025-03-12T09:04:00.000Z');
});
