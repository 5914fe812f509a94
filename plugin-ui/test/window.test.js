import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composerState } from '../src/lib/window.js';

const NOW = new Date('2026-03-02T12:00:00Z');

test('inside the window free text is offered without a notice', () => {
  const state = composerState({ consent: 'none', windowOpen: true, windowOpenUntil: '2026-03-03T08:00:00Z', windowEnforced: true }, NOW);
  assert.deepEqual(state, { freeText: true, optedOut: false, notice: null });
});

test('outside an enforced window free text is refused, saying when it closed and that a template is needed', () => {
  const state = composerState({ consent: 'none', windowOpen: false, windowOpenUntil: '2026-03-01T08:00:00Z', windowEnforced: true }, NOW);
  assert.equal(state.freeText, false);
  assert.match(state.notice, /closed 2026-03-01 08:00 UTC/);
  assert.match(state.notice, /template/);
});

test('a lead who never wrote has no window', () => {
  const state = composerState({ consent: 'none', windowOpen: false, windowEnforced: true }, NOW);
  assert.equal(state.freeText, false);
  assert.match(state.notice, /has not written/);
});

test('a window that ran out since the summary was read counts as closed', () => {
  const state = composerState({ consent: 'none', windowOpen: true, windowOpenUntil: '2026-03-02T11:00:00Z', windowEnforced: true }, NOW);
  assert.equal(state.freeText, false);
});

test('where the server does not enforce the window, free text stays allowed but the notice says so', () => {
  const state = composerState({ consent: 'none', windowOpen: false, windowEnforced: false }, NOW);
  assert.equal(state.freeText, true);
  assert.match(state.notice, /does not enforce/);
});

test('an opted-out lead can be sent nothing', () => {
  const state = composerState({ consent: 'opted_out', windowOpen: true, windowEnforced: false }, NOW);
  assert.equal(state.freeText, false);
  assert.equal(state.optedOut, true);
  assert.match(state.notice, /opted out/);
});

test('without a summary nothing is restricted', () => {
  assert.deepEqual(composerState(null, NOW), { freeText: true, optedOut: false, notice: null });
});
