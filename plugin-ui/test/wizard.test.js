import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEPS, emptyDraft, errorsByField, exampleKeys, firstStepWithError, inputIdOf, stepOfField, templateRequest } from '../src/lib/wizard.js';

test('the steps follow Meta\'s order', () => {
  assert.deepEqual(STEPS.map((s) => s.id), ['basics', 'header', 'body', 'buttons', 'examples', 'review']);
});

test('each API field belongs to the step that edits it', () => {
  assert.equal(stepOfField('name'), 'basics');
  assert.equal(stepOfField('category'), 'basics');
  assert.equal(stepOfField('header.text'), 'header');
  assert.equal(stepOfField('body'), 'body');
  assert.equal(stepOfField('footer'), 'body');
  assert.equal(stepOfField('buttons[1].url'), 'buttons');
  assert.equal(stepOfField('examples.body.1'), 'examples');
});

test('input ids are derived from the field', () => {
  assert.equal(inputIdOf('buttons[1].url'), 'f-buttons-1-url');
  assert.equal(inputIdOf('examples.body.1'), 'f-examples-body-1');
});

test('violations become errors by field, joined when a field broke two rules', () => {
  const errors = errorsByField({ field: 'name', message: '2 rules broken', violations: [
    { field: 'body', message: 'body may not start with a parameter.' }, { field: 'body', message: 'too many parameters.' },
    { field: 'footer', message: 'footer is at most 60 characters' }] });
  assert.deepEqual(errors, { body: 'body may not start with a parameter. too many parameters.', footer: 'footer is at most 60 characters' });
  assert.deepEqual(errorsByField({ field: 'name', message: 'taken' }), { name: 'taken' });
  assert.deepEqual(errorsByField(null), {});
});

test('the wizard opens the first step, in its order, that has an error', () => {
  assert.equal(firstStepWithError({ 'examples.body.1': 'x', footer: 'y' }), 'body');
  assert.equal(firstStepWithError({}), null);
});

test('the request leaves out empty parts and examples of parameters the template no longer has', () => {
  const draft = { ...emptyDraft(), name: ' spring_offer ', body: 'Hi {{1}}, welcome', examples: { 'body.1': 'Ayu', 'body.2': 'stale' } };
  assert.deepEqual(templateRequest(draft), { name: 'spring_offer', language: 'en_US', category: 'MARKETING',
    parameterFormat: 'POSITIONAL', body: 'Hi {{1}}, welcome', examples: { 'body.1': 'Ayu' } });
});

test('headers and buttons are sent in the API\'s shape', () => {
  const draft = { ...emptyDraft(), name: 'n', body: 'b', header: { format: 'IMAGE', text: 'ignored' }, examples: { header: 'https://x/p.jpg' },
    buttons: [{ type: 'URL', text: 'Go', url: 'https://x/{{1}}', phoneNumber: '' }, { type: 'COPY_CODE', text: 'x' }] };
  const request = templateRequest(draft);
  assert.deepEqual(request.header, { format: 'IMAGE' });
  assert.deepEqual(request.buttons, [{ type: 'URL', text: 'Go', url: 'https://x/{{1}}' }, { type: 'COPY_CODE' }]);
  assert.deepEqual(exampleKeys(draft), ['header', 'buttons.0', 'buttons.1']);
});

test('errors on fields no step draws are kept apart for the banner, not dropped', async () => {
  const { splitErrors, firstStepWithError, fieldHasInput } = await import('../src/lib/wizard.js');
  const { placed, unplaced } = splitErrors({ body: 'may not start with a parameter', template: 'Meta refused it', status: 'already submitted' });
  assert.deepEqual(placed, { body: 'may not start with a parameter' });
  assert.deepEqual(unplaced, { template: 'Meta refused it', status: 'already submitted' });
  assert.equal(firstStepWithError(unplaced), null);
  assert.equal(firstStepWithError(placed), 'body');
  assert.equal(fieldHasInput('buttons[2].url'), true);
  assert.equal(fieldHasInput('examples.body.1'), true);
  assert.equal(fieldHasInput('header'), false);
});
