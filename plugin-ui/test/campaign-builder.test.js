import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  audienceCriteria, emptyDraft, evenSplit, inspectCsv, nextVariantKey, templateVariables, toCampaignRequest,
  validateStep, variantErrors,
} from '../src/lib/campaign-builder.js';

const NOW = new Date('2026-03-01T08:00:00Z');
const hello = { id: 't1', body: 'Hi {{1}}, use code {{2}} today. {{1}}!', header: { format: 'TEXT', text: 'For {{1}}' },
  buttons: [{ type: 'URL', url: 'https://x.test/{{1}}' }, { type: 'QUICK_REPLY', text: 'Stop' }] };
const plain = { id: 't2', body: 'Spring offers are here.' };
const templates = { t1: hello, t2: plain };

function draft(changes = {}) {
  return { ...emptyDraft({ zone: 'Asia/Jakarta' }), name: 'Spring sale', ...changes };
}

test('a template needs a binding for every header, body and URL button placeholder, each once', () => {
  assert.deepEqual(templateVariables(hello), ['header.1', 'body.1', 'body.2', 'buttons.0']);
  assert.deepEqual(templateVariables(plain), []);
  assert.deepEqual(templateVariables({ body: 'Hi {{first_name}}' }), ['body.first_name']);
});

test('the audience step needs a name and at least one matching lead', () => {
  assert.deepEqual(validateStep('audience', draft({ name: '  ' })), { name: 'Give the campaign a name.' });
  assert.ok(validateStep('audience', draft(), { preview: { count: 0 } }).audience);
  assert.deepEqual(validateStep('audience', draft(), { preview: { count: 3 } }), {});
});

test('a CSV audience needs a file whose header names a phone column', () => {
  const csv = draft({ audience: { ...emptyDraft().audience, mode: 'csv' } });
  assert.equal(validateStep('audience', csv).csv, 'Choose a CSV file.');
  const noPhone = inspectCsv('name;mobile\nAyu;0813\n');
  assert.match(noPhone.error, /phone/);
  assert.equal(validateStep('audience', { ...csv, csv: noPhone }).csv, noPhone.error);
  const good = inspectCsv('\uFEFFname;phone;code\nAyu;081363053471;A1\n\nBudi;6285;B2\n');
  assert.deepEqual(good, { columns: ['name', 'phone', 'code'], rows: 2, variables: ['code'], error: null });
  assert.deepEqual(validateStep('audience', { ...csv, csv: good }), {});
});

test('criteria become the audience JSON with only the given fields, dates covering whole days', () => {
  const spec = audienceCriteria({ statuses: 'new, qualified,', sources: '', tags: 'vip', createdFrom: '2026-01-01', createdTo: '2026-01-31' });
  assert.deepEqual(spec, { source: 'leads', statuses: ['new', 'qualified'], tags: ['vip'],
    createdFrom: '2026-01-01T00:00:00Z', createdTo: '2026-01-31T23:59:59Z' });
  assert.ok(validateStep('audience', draft({ audience: { ...emptyDraft().audience, createdFrom: '2026-02-01', createdTo: '2026-01-01' } })).createdTo);
});

test('the message step names each variable without a source', () => {
  const message = { ...emptyDraft().message, templateId: 't1', bindings: { 'body.1': { source: 'lead', field: 'first_name' },
    'body.2': { source: 'constant', value: ' ' } } };
  const errors = validateStep('message', draft({ message }), { templates });
  assert.deepEqual(Object.keys(errors).sort(), ['bindings.body.2', 'bindings.buttons.0', 'bindings.header.1']);
  assert.equal(validateStep('message', draft(), { templates }).templateId, 'Choose an approved template.');
});

test('an A/B split needs unique keys, a template each and shares adding to 100', () => {
  assert.deepEqual(variantErrors([{ key: 'A', templateId: 't2', percent: '60' }, { key: 'B', templateId: 't2', percent: '40' }]), {});
  const wrong = variantErrors([{ key: 'A', templateId: 't2', percent: '60' }, { key: 'A', templateId: '', percent: '30' }]);
  assert.equal(wrong['variants.1.key'], 'Key A is used twice.');
  assert.equal(wrong['variants.1.templateId'], 'Choose a template.');
  assert.equal(wrong.variants, 'The shares add up to 90%, not 100%.');
  assert.ok(variantErrors([{ key: 'A', templateId: 't2', percent: '100' }]).variants);
  assert.ok(variantErrors([{ key: 'A', templateId: 't2', percent: '50.5' }, { key: 'B', templateId: 't2', percent: '49.5' }])['variants.0.percent']);
});

test('the schedule step checks the time, the cron, the throttle and the window', () => {
  const at = (value) => validateStep('schedule', draft({ schedule: { kind: 'AT', at: value, cron: '', zone: 'UTC' } }), { now: NOW });
  assert.equal(at('2026-03-01T07:00:00Z')['schedule.at'], 'Choose a time in the future.');
  assert.deepEqual(at('2026-03-02T07:00:00Z'), {});
  assert.ok(validateStep('schedule', draft({ schedule: { kind: 'CRON', cron: '0 9 * *', zone: 'UTC' } }), { now: NOW })['schedule.cron']);
  assert.ok(validateStep('schedule', draft({ throttlePerMinute: '0' }), { now: NOW }).throttlePerMinute);
  assert.ok(validateStep('schedule', draft({ window: { start: '09:00', end: '' } }), { now: NOW }).window);
  assert.ok(validateStep('schedule', draft({ window: { start: '9am', end: '17:00' } }), { now: NOW }).window);
  assert.deepEqual(validateStep('schedule', draft({ window: { start: '21:00', end: '06:00' } }), { now: NOW }), {});
});

test('the request carries the template or the variants, never both, and only complete bindings', () => {
  const single = toCampaignRequest(draft({ message: { ...emptyDraft().message, templateId: 't1',
    bindings: { 'body.1': { source: 'lead', field: ' first_name ', fallback: 'there' }, 'body.2': { source: 'constant', value: 'SPRING' }, junk: { source: 'lead', field: 'x' } } } }), templates);
  assert.equal(single.templateId, 't1');
  assert.equal(single.variants, undefined);
  assert.deepEqual(single.bindings, { 'body.1': { source: 'lead', field: 'first_name', fallback: 'there' }, 'body.2': { source: 'constant', value: 'SPRING' } });
  assert.deepEqual(single.schedule, { kind: 'NOW', zone: 'Asia/Jakarta' });
  assert.equal(single.throttlePerMinute, 100);
  assert.equal(single.window, undefined);

  const ab = toCampaignRequest(draft({ message: { mode: 'ab', templateId: 't1', bindings: {}, variants: [
    { key: 'A', templateId: 't2', bindings: {}, percent: '70' }, { key: 'B', templateId: 't2', bindings: {}, percent: '30' }] },
  window: { start: '09:00', end: '21:00' } }), templates);
  assert.equal(ab.templateId, undefined);
  assert.deepEqual(ab.variants, [{ key: 'A', templateId: 't2', bindings: {}, percent: 70 }, { key: 'B', templateId: 't2', bindings: {}, percent: 30 }]);
  assert.deepEqual(ab.window, { start: '09:00', end: '21:00' });
});

test('a CSV campaign is a list audience, and a timed one carries its instant with an offset', () => {
  const request = toCampaignRequest(draft({ audience: { ...emptyDraft().audience, mode: 'csv' },
    schedule: { kind: 'AT', at: '2026-03-02T09:30:00Z', cron: '', zone: 'UTC' } }), templates);
  assert.deepEqual(request.audience, { source: 'list' });
  assert.equal(request.schedule.at, '2026-03-02T09:30:00.000Z');
});

test('new variants take the next free letter and shares split evenly', () => {
  assert.equal(nextVariantKey([{ key: 'A' }, { key: 'C' }]), 'B');
  assert.deepEqual(evenSplit(3), [34, 33, 33]);
  assert.deepEqual(evenSplit(2), [50, 50]);
});

test('review repeats every earlier check', () => {
  const errors = validateStep('review', draft({ name: '' }), { templates, now: NOW });
  assert.ok(errors.name);
  assert.ok(errors.templateId);
});

test('a field the API names is the builder\'s own key for it, so the error lands on that input', async () => {
  const { builderField } = await import('../src/lib/campaign-builder.js');
  assert.equal(builderField('variants[0].templateId'), 'variants.0.templateId');
  assert.equal(builderField('bindings.body.1.field'), 'bindings.body.1');
  assert.equal(builderField('variants[1].bindings.header.1.value'), 'variants.1.bindings.header.1');
  assert.equal(builderField('schedule.cron'), 'schedule.cron');
});
