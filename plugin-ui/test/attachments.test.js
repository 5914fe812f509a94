import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES, attachmentKind, attachmentProblem, formatSize } from '../src/lib/attachments.js';

test('the types WhatsApp sends are attachable, each as its kind', () => {
  assert.equal(attachmentKind('image/png'), 'image');
  assert.equal(attachmentKind('application/pdf'), 'document');
  assert.equal(attachmentKind('video/mp4'), 'video');
  assert.equal(attachmentKind('text/plain; charset=utf-8'), 'document');
  assert.equal(attachmentKind('application/zip'), null);
  assert.ok(ACCEPTED_TYPES.includes('image/jpeg'));
});

test('a file is refused here, saying why, when it is of another type, empty or over 5 MB', () => {
  assert.equal(attachmentProblem({ type: 'image/png', size: 1000 }), null);
  assert.equal(attachmentProblem({ type: 'image/png', size: MAX_ATTACHMENT_BYTES }), null);
  assert.match(attachmentProblem({ type: 'image/png', size: MAX_ATTACHMENT_BYTES + 1 }), /most that can be sent is 5 MB/);
  assert.match(attachmentProblem({ type: 'application/zip', size: 10 }), /does not send application\/zip/);
  assert.match(attachmentProblem({ type: '', size: 10 }), /files of this type/);
  assert.match(attachmentProblem({ type: 'application/pdf', size: 0 }), /empty/);
});

test('sizes read as bytes, kilobytes or megabytes', () => {
  assert.equal(formatSize(900), '900 B');
  assert.equal(formatSize(1536), '1.5 KB');
  assert.equal(formatSize(5 * 1024 * 1024), '5 MB');
});
