import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barLayout, formatRate, linePath, linePoints, niceCeiling, niceTicks, pieSlices, scaleLinear } from '../src/lib/charts.js';

test('nice ceilings are 1, 2 or 5 times a power of ten', () => {
  assert.equal(niceCeiling(7), 10);
  assert.equal(niceCeiling(1.5), 2);
  assert.equal(niceCeiling(41), 50);
  assert.equal(niceCeiling(200), 200);
  assert.equal(niceCeiling(0), 1);
  assert.equal(niceCeiling(Number.NaN), 1);
});

test('axis ticks start at zero, cover the maximum and stay on whole numbers for counts', () => {
  assert.deepEqual(niceTicks(37, 4), { max: 40, ticks: [0, 10, 20, 30, 40] });
  assert.deepEqual(niceTicks(3, 4), { max: 3, ticks: [0, 1, 2, 3] });
  assert.deepEqual(niceTicks(0, 4), { max: 1, ticks: [0, 1] });
  const fractions = niceTicks(0.8, 4, { integer: false });
  assert.equal(fractions.ticks[0], 0);
  assert.ok(fractions.max >= 0.8 && fractions.max <= 1);
});

test('a linear scale maps the domain onto the range, a flat domain onto its start', () => {
  const y = scaleLinear([0, 100], [200, 0]);
  assert.equal(y(0), 200);
  assert.equal(y(100), 0);
  assert.equal(y(25), 150);
  assert.equal(scaleLinear([5, 5], [10, 20])(5), 10);
});

test('a line spreads its points across the width with zero at the bottom', () => {
  const points = linePoints([0, 5, 10], { width: 100, height: 50, max: 10 });
  assert.deepEqual(points.map((p) => [p.x, p.y]), [[0, 50], [50, 25], [100, 0]]);
  assert.equal(linePath(points), 'M0 50 L50 25 L100 0');
  assert.equal(linePoints([4], { width: 100, height: 50, max: 8 })[0].x, 50);
  assert.equal(linePath([]), '');
});

test('pie slices split the circle by share and leave out zeros', () => {
  const slices = pieSlices([{ key: 'read', value: 3 }, { key: 'failed', value: 1 }, { key: 'pending', value: 0 }], 10);
  assert.deepEqual(slices.map((s) => s.key), ['read', 'failed']);
  assert.equal(slices[0].fraction, 0.75);
  assert.ok(Math.abs(slices[1].end - 2 * Math.PI) < 1e-9);
  assert.match(slices[0].path, /A10 10 0 1 1/, 'three quarters is the large arc');
  assert.match(slices[1].path, /A10 10 0 0 1/);
});

test('one slice holding everything is a full circle, not an empty arc', () => {
  const [only] = pieSlices([{ key: 'read', value: 5 }], 10);
  assert.equal(only.fraction, 1);
  assert.equal(only.path, 'M0 -10 A10 10 0 1 1 0 10 A10 10 0 1 1 0 -10 Z');
  assert.deepEqual(pieSlices([], 10), []);
});

test('bars share the width and grow up from the bottom', () => {
  const bars = barLayout([10, 5], { width: 100, height: 40, max: 10, gap: 0.2 });
  assert.deepEqual(bars[0], { x: 5, y: 0, width: 40, height: 40, value: 10 });
  assert.deepEqual(bars[1], { x: 55, y: 20, width: 40, height: 20, value: 5 });
  assert.deepEqual(barLayout([], { width: 100, height: 40, max: 1 }), []);
});

test('rates are shown as percentages, unknown ones as a dash', () => {
  assert.equal(formatRate(0.1234), '12.3%');
  assert.equal(formatRate(1, 0), '100%');
  assert.equal(formatRate(null), '\u2014');
});
