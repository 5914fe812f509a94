import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barSummary, formatRate, lineSummary, pieSlices, pieSummary, shortLabel, truncate } from '../src/lib/charts.js';

test('a line chart is summarised by each series\' total over the range', () => {
  const series = [{ label: 'Sent', values: [3, 4] }, { label: 'Read', values: [1, 0] }];
  assert.equal(lineSummary(series, ['2026-03-01', '2026-03-02']), 'Sent 7 in total, Read 1 in total');
  assert.equal(lineSummary(series, []), 'no data');
});

test('a bar chart is summarised item by item, and says so when it has none', () => {
  assert.equal(barSummary([{ label: 'Spring sale', value: 80 }, { label: 'Webinar', value: '35' }]), 'Spring sale 80, Webinar 35');
  assert.equal(barSummary([]), 'no data');
});

test('a pie leaves zero values out and gives each slice its share', () => {
  const slices = pieSlices([{ key: 'read', label: 'Read', value: 3 }, { key: 'queued', label: 'Queued', value: 0 },
    { key: 'failed', label: 'Failed', value: 1 }]);
  assert.deepEqual(slices.map((s) => [s.key, s.fraction]), [['read', 0.75], ['failed', 0.25]]);
  assert.equal(pieSummary([{ label: 'Read', value: 3 }, { label: 'Failed', value: 2 }]), 'Read 3 (60%), Failed 2 (40%)');
  assert.equal(pieSummary([{ label: 'Read', value: 0 }]), 'nothing yet');
});

test('axis labels keep the month and day, and the time when there is one', () => {
  assert.equal(shortLabel('2026-03-01'), '03-01');
  assert.equal(shortLabel('2026-03-01T09:00:00Z'), '03-01 09:00');
  assert.equal(shortLabel('A very long campaign name', 10), 'A very lo\u2026');
  assert.equal(truncate('short', 10), 'short');
});

test('rates are percentages with one decimal, and unknown rates an em dash', () => {
  assert.equal(formatRate(0.1234), '12.3%');
  assert.equal(formatRate(1), '100.0%');
  assert.equal(formatRate(null), '\u2014');
  assert.equal(formatRate('x'), '\u2014');
});
