/**
 * Chart geometry: scales, axis ticks, line paths and pie slices, as plain numbers and SVG path strings.
 * Pure (no DOM), so the node test runner checks it; `src/charts.js` turns it into Lit SVG templates.
 */

/** The smallest "nice" number (1, 2 or 5 times a power of ten) at least `value`; 1 for nothing to show. */
export function niceCeiling(value) {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value - power * 1e-9);
  return step * power;
}

/**
 * Axis ticks from 0 to a nice maximum that covers `max`, about `count` of them, on whole numbers
 * when the values are counts: `{max, ticks}`.
 */
export function niceTicks(max, count = 4, { integer = true } = {}) {
  const rough = niceCeiling((Number.isFinite(max) && max > 0 ? max : 1) / count);
  const step = integer ? Math.max(1, Math.round(rough)) : rough;
  const top = Math.max(step, Math.ceil((max > 0 ? max : 1) / step - 1e-9) * step);
  const ticks = [];
  for (let value = 0; value <= top + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  return { max: top, ticks };
}

/** A linear scale from `domain` onto `range`; a zero-width domain maps everything to the range's start. */
export function scaleLinear([d0, d1], [r0, r1]) {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * Where each point of a series goes in a plot area `{width, height}`: evenly spaced along x, y scaled
 * against `max` (y grows downwards in SVG, so 0 is at the bottom). A single point sits in the middle.
 */
export function linePoints(values, { width, height, max }) {
  const n = values.length;
  const y = scaleLinear([0, max || 1], [height, 0]);
  return values.map((value, i) => ({
    x: n === 1 ? width / 2 : (i / (n - 1)) * width,
    y: y(Number(value) || 0),
    value: Number(value) || 0,
  }));
}

/** An SVG path through the points, `M x y L x y ...`, rounded to tenths; empty for no points. */
export function linePath(points) {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

/**
 * Pie slices for `[{key, value}]`, zero values dropped: each with its `fraction`, start and end angle
 * (radians, clockwise from 12 o'clock) and an SVG `path` for a circle of `radius` centred on (0, 0).
 * A single slice holding everything is drawn as a full circle (an arc cannot start where it ends).
 */
export function pieSlices(entries, radius = 1) {
  const shown = (entries ?? []).filter((e) => Number(e.value) > 0);
  const total = shown.reduce((sum, e) => sum + Number(e.value), 0);
  let angle = 0;
  return shown.map((entry) => {
    const fraction = Number(entry.value) / total;
    const start = angle;
    angle += fraction * 2 * Math.PI;
    return { ...entry, fraction, start, end: angle, path: slicePath(start, angle, radius, fraction) };
  });
}

function slicePath(start, end, r, fraction) {
  if (fraction >= 1 - 1e-9) {
    return `M0 ${-r} A${r} ${r} 0 1 1 0 ${r} A${r} ${r} 0 1 1 0 ${-r} Z`;
  }
  const [x0, y0] = polar(start, r);
  const [x1, y1] = polar(end, r);
  const large = end - start > Math.PI ? 1 : 0;
  return `M0 0 L${round(x0)} ${round(y0)} A${r} ${r} 0 ${large} 1 ${round(x1)} ${round(y1)} Z`;
}

function polar(angle, r) {
  return [r * Math.sin(angle), -r * Math.cos(angle)];
}

/** Bars for `values` in a plot `{width, height, max}`, with a gap between them: `[{x, y, width, height, value}]`. */
export function barLayout(values, { width, height, max, gap = 0.25 }) {
  const n = values.length;
  if (!n) return [];
  const slot = width / n;
  const barWidth = slot * (1 - gap);
  const y = scaleLinear([0, max || 1], [height, 0]);
  return values.map((raw, i) => {
    const value = Number(raw) || 0;
    const top = y(value);
    return { x: round(i * slot + (slot - barWidth) / 2), y: round(top), width: round(barWidth), height: round(height - top), value };
  });
}

/** A share 0..1 as "12.3%"; null or not a number as an em dash. */
export function formatRate(rate, digits = 1) {
  if (rate === null || rate === undefined || !Number.isFinite(Number(rate))) return '\u2014';
  return `${(Number(rate) * 100).toFixed(digits)}%`;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
