import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qrFromAnswer, sessionState } from '../src/lib/sender-session.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test('an image answer is shown as it came', () => {
  assert.deepEqual(qrFromAnswer('image/png', null), { kind: 'image' });
  assert.deepEqual(qrFromAnswer('IMAGE/SVG+XML; charset=utf-8', null), { kind: 'image' });
});

test('JSON may carry a data URL or bare base64 under any of the usual names', () => {
  assert.deepEqual(qrFromAnswer('application/json', { qr: `data:image/png;base64,${PNG}` }), { src: `data:image/png;base64,${PNG}` });
  assert.deepEqual(qrFromAnswer('application/json', { base64: PNG }), { src: `data:image/png;base64,${PNG}` });
  assert.equal(qrFromAnswer('application/json', { image: PNG }).src, `data:image/png;base64,${PNG}`);
});

test('anything else is explained, never shown as a broken image', () => {
  for (const body of [{}, null, { qr: '2@abc,def,ghi==' }, { qr: 'javascript:alert(1)' }, { qr: 42 }]) {
    assert.ok(qrFromAnswer('application/json', body).message, JSON.stringify(body));
  }
});

test('the session state is read from status or state', () => {
  assert.equal(sessionState({ status: 'SCAN_QR_CODE' }), 'SCAN_QR_CODE');
  assert.equal(sessionState({ state: 'open' }), 'open');
  assert.equal(sessionState(null), null);
});
