import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultBindings, leadValue, mediaHeaderKind, parameterKeys, parameterLabel, placeholders, renderTemplate,
  resolveAll, resolveBinding, sendable } from '../src/lib/templates.js';

const ORDER = {
  category: 'UTILITY',
  header: { format: 'TEXT', text: 'Hello {{1}}' },
  body: 'Hi {{1}}, your order {{2}} ships today. {{1}}!',
  footer: 'Reply STOP to opt out',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Thanks' },
    { type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}' },
    { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6281234567890' },
    { type: 'COPY_CODE' },
  ],
  examples: { 'body.2': 'A-1001', 'buttons.1': 'A-1001', 'buttons.3': 'SAVE10' },
};
const AYU = { name: 'Ayu  Brown', phone: '+6281363053471', status: 'negotiation', attributes: { company: 'Northwind' } };

test('placeholders are listed once each, in order, positional or named', () => {
  assert.deepEqual(placeholders('Hi {{2}} {{1}} {{2}}'), ['2', '1']);
  assert.deepEqual(placeholders('Hi {{ first_name }}'), ['first_name']);
  assert.deepEqual(placeholders(null), []);
});

test('a template\'s parameters are keyed like bindings; buttons by their index from 0', () => {
  assert.deepEqual(parameterKeys(ORDER), ['header.1', 'body.1', 'body.2', 'buttons.1', 'buttons.3']);
  assert.deepEqual(parameterKeys({ header: { format: 'IMAGE' }, body: 'No variables here' }), []);
});

test('labels say where the parameter is', () => {
  assert.equal(parameterLabel('body.2'), 'Body {{2}}');
  assert.equal(parameterLabel('buttons.1'), 'Button 2 value');
});

test('lead values: first name is the first word; host attributes are found by name', () => {
  assert.equal(leadValue(AYU, 'first_name'), 'Ayu');
  assert.equal(leadValue(AYU, 'company'), 'Northwind');
  assert.equal(leadValue(AYU, 'attributes.company'), 'Northwind');
  assert.equal(leadValue(AYU, 'owner'), '');
});

test('the first body parameter greets the lead by first name; the rest start as the examples', () => {
  assert.deepEqual(defaultBindings(ORDER, AYU), {
    'header.1': { source: 'lead', field: 'first_name' },
    'body.1': { source: 'lead', field: 'first_name' },
    'body.2': { source: 'constant', value: 'A-1001' },
    'buttons.1': { source: 'constant', value: 'A-1001' },
    'buttons.3': { source: 'constant', value: 'SAVE10' },
  });
});

test('a named parameter that is a lead field or attribute reads it', () => {
  const named = { body: 'Dear {{company}}, hello {{name}} about {{order_no}}', examples: { 'body.order_no': '7' } };
  assert.deepEqual(defaultBindings(named, AYU), {
    'body.company': { source: 'lead', field: 'company' },
    'body.name': { source: 'lead', field: 'name' },
    'body.order_no': { source: 'constant', value: '7' },
  });
});

test('an authentication code is never pre-filled from the lead', () => {
  assert.deepEqual(defaultBindings({ category: 'AUTHENTICATION', body: '{{1}} is your code.' }, AYU),
    { 'body.1': { source: 'constant', value: '' } });
});

test('bindings resolve for a lead, with the fallback for an empty field; without a lead they name the field', () => {
  assert.equal(resolveBinding({ source: 'lead', field: 'owner', fallback: 'us' }, AYU), 'us');
  assert.equal(resolveBinding({ source: 'lead', field: 'first_name' }, null), '‹first name›');
  assert.equal(resolveBinding({ source: 'constant', value: 'X' }, AYU), 'X');
  assert.deepEqual(resolveAll({ 'body.1': { source: 'lead', field: 'first_name' } }, AYU), { 'body.1': 'Ayu' });
});

test('rendering fills every part; an unfilled parameter stays visible', () => {
  const rendered = renderTemplate(ORDER, { 'header.1': 'Ayu', 'body.1': 'Ayu', 'buttons.1': 'A-9', 'buttons.3': 'SAVE10' });
  assert.equal(rendered.header, 'Hello Ayu');
  assert.equal(rendered.body, 'Hi Ayu, your order {{2}} ships today. Ayu!');
  assert.equal(rendered.footer, 'Reply STOP to opt out');
  assert.deepEqual(rendered.buttons.map((b) => b.detail), [null, 'https://shop.example/t/A-9', '+6281234567890', 'SAVE10']);
  assert.equal(rendered.buttons[3].text, 'Copy code');
});

test('media headers are recognised; only approved templates are sendable', () => {
  assert.equal(mediaHeaderKind({ header: { format: 'IMAGE' } }), 'IMAGE');
  assert.equal(mediaHeaderKind({ header: { format: 'TEXT' } }), null);
  assert.deepEqual(sendable([{ id: 1, status: 'APPROVED' }, { id: 2, status: 'PENDING' }]).map((t) => t.id), [1]);
});
