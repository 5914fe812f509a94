import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_TEXT_LENGTH, canSend, counterState, isSendShortcut } from '../src/lib/composer.js';

test('the limit is WhatsApp\'s 4,096 characters', () => {
  assert.equal(MAX_TEXT_LENGTH, 4096);
});

test('the counter shows used over the limit', () => {
  assert.deepEqual(counterState('hello'), { used: 5, remaining: 4091, over: false, label: '5 / 4,096' });
  assert.equal(counterState(undefined).used, 0);
});

test('exactly the limit is allowed, one more is over', () => {
  assert.equal(counterState('x'.repeat(4096)).over, false);
  assert.equal(counterState('x'.repeat(4097)).over, true);
  assert.equal(counterState('x'.repeat(4097)).remaining, -1);
});

test('characters are counted as Java counts a String, UTF-16 units', () => {
  assert.equal(counterState('👍').used, 2);
});

test('blank, over-long or busy text cannot be sent', () => {
  assert.equal(canSend('hi'), true);
  assert.equal(canSend('   \n '), false);
  assert.equal(canSend(''), false);
  assert.equal(canSend(null), false);
  assert.equal(canSend('x'.repeat(4097)), false);
  assert.equal(canSend('hi', true), false);
});

test('Ctrl+Enter and Cmd+Enter send; Enter alone and IME composition do not', () => {
  assert.equal(isSendShortcut({ key: 'Enter', ctrlKey: true }), true);
  assert.equal(isSendShortcut({ key: 'Enter', metaKey: true }), true);
  assert.equal(isSendShortcut({ key: 'Enter' }), false);
  assert.equal(isSendShortcut({ key: 'a', ctrlKey: true }), false);
  assert.equal(isSendShortcut({ key: 'Enter', ctrlKey: true, isComposing: true }), false);
});
