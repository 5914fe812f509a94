import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, humanField, networkError, parseApiError } from '../src/lib/api-error.js';

test('the error shape is carried over whole', () => {
  const error = parseApiError(422, '{"error":"validation","field":"text","message":"must not be blank"}');
  assert.ok(error instanceof Error);
  assert.ok(error instanceof ApiError);
  assert.deepEqual(error.toJSON(), { status: 422, error: 'validation', field: 'text', message: 'must not be blank' });
});

test('the display names the field first', () => {
  const error = parseApiError(400, '{"error":"validation","field":"text","message":"must be at most 4096 characters"}');
  assert.equal(error.display, 'Text: must be at most 4096 characters');
});

test('an error without a field shows only its message', () => {
  const error = parseApiError(403, '{"error":"forbidden","message":"Missing permission whatsapp.message.send"}');
  assert.equal(error.field, null);
  assert.equal(error.display, 'Missing permission whatsapp.message.send');
});

test('a body that is not JSON still gives a readable message for its status', () => {
  assert.equal(parseApiError(502, '<html>Bad Gateway</html>').message, 'The WhatsApp service failed (HTTP 502). Try again later.');
  assert.equal(parseApiError(404, '').error, 'not_found');
  assert.equal(parseApiError(403, 'null').message, 'You do not have permission to do this.');
  assert.equal(parseApiError(400, '[1,2]').error, 'bad_request');
});

test('a blank message falls back to the status message', () => {
  assert.equal(parseApiError(404, '{"error":"not_found","message":"  "}').message, 'Not found.');
});

test('wrongly typed members are ignored', () => {
  const error = parseApiError(400, '{"error":7,"field":["text"],"message":"bad"}');
  assert.equal(error.error, 'bad_request');
  assert.equal(error.field, null);
  assert.equal(error.message, 'bad');
});

test('a network failure has status 0 and keeps its cause', () => {
  const cause = new TypeError('Failed to fetch');
  const error = networkError(cause);
  assert.equal(error.status, 0);
  assert.equal(error.error, 'network');
  assert.equal(error.cause, cause);
});

test('field paths read as words', () => {
  assert.equal(humanField('text'), 'Text');
  assert.equal(humanField('sendAt'), 'Send at');
  assert.equal(humanField('template.name'), 'Template name');
  assert.equal(humanField('recipients[0].phone'), 'Recipients 0 phone');
});

test('every violation of a template refusal is kept, malformed ones dropped', () => {
  const error = parseApiError(422, JSON.stringify({ error: 'template_invalid', field: 'name', message: '2 rules broken',
    violations: [{ component: 'template', field: 'name', rule: 'pattern', message: 'name has only lowercase letters' },
      { component: 'footer', field: 'footer', rule: 'max_length', message: 'footer is at most 60 characters' }, 'junk'] }));
  assert.deepEqual(error.violations.map((v) => v.field), ['name', 'footer']);
  assert.deepEqual(parseApiError(400, '{"error":"x"}').violations, []);
});
