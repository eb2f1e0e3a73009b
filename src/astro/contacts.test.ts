import { expect, test } from 'vitest';
import { afterText, contactLink, contactParts, slackHref, telHref, webHref } from './contacts.js';

test.each([
  ['+44 20 7946 0418', { kind: 'phone', href: 'tel:+442079460418' }],
  ['+1 (555) 010-0199', { kind: 'phone', href: 'tel:+15550100199' }],
  ['020 7946 0000', { kind: 'phone', href: 'tel:02079460000' }],
  ['oncall@example.com', { kind: 'email', href: 'mailto:oncall@example.com' }],
  ['#platform-oncall', { kind: 'slack' }],
  ['@meilin', { kind: 'slack' }],
  ['https://example.pagerduty.com/schedules', { kind: 'web', href: 'https://example.pagerduty.com/schedules' }],
  ['javascript:alert(1)', { kind: 'text' }],
  ['data:text/html,<script>', { kind: 'text' }],
  ['ask the duty manager', { kind: 'text' }],
])('%s is shown as %o', (value, expected) => {
  expect(contactLink(value)).toMatchObject({ ...expected, text: value });
});

test('an empty contact is none', () => {
  expect(contactLink('  ')).toBeNull();
  expect(contactLink(null)).toBeNull();
});

test('only absolute http(s) addresses become web links', () => {
  expect(webHref('https://status.example.com')).toBe('https://status.example.com/');
  expect(webHref('HTTP://status.example.com/x')).toBe('http://status.example.com/x');
  for (const bad of ['javascript:alert(1)', '//evil.example', '/relative', 'ftp://x.example', 'not a url', '']) expect(webHref(bad)).toBeNull();
});

test.each([
  ['0m', 'call first'],
  ['immediately', 'call first'],
  ['15m', 'after 15 min'],
  ['2h', 'after 2 h'],
  ['next business day', 'after next business day'],
])('after %s reads "%s"', (after, words) => {
  expect(afterText(after)).toBe(words);
});

test.each([
  ['+44 (0)20 7946 0018', 'tel:+442079460018'],
  ['+1 555 010 0142 ext. 7', 'tel:+15550100142;ext=7'],
  ['+49-30-1234567', 'tel:+49301234567'],
  ['020 7946 0000', 'tel:02079460000'],
])('%s dials as %s (E.164 when written with +)', (written, href) => {
  expect(telHref(written)).toBe(href);
  expect(contactLink(written)).toEqual({ kind: 'phone', text: written, href });
});

test.each(['2026-10-01', '+0 20 7946 0018', '+1 2345 6789 0123 4567', '12345', '15m'])('%s is not a phone number', (value) => {
  expect(telHref(value)).toBeNull();
});

test('Slack handles and channels link into the workspace only when the config names one', () => {
  expect(contactLink('#db-oncall', { slack: 'https://acme.slack.com' })).toEqual({ kind: 'slack', text: '#db-oncall', href: 'https://acme.slack.com/app_redirect?channel=db-oncall' });
  expect(contactLink('@mei.lin', { slack: 'https://acme.slack.com/' })).toEqual({ kind: 'slack', text: '@mei.lin', href: 'https://acme.slack.com/messages/@mei.lin' });
  expect(contactLink('#db-oncall')).toEqual({ kind: 'slack', text: '#db-oncall' });
  expect(slackHref('#x', 'javascript:alert(1)')).toBeNull();
});

test('free text keeps its words and links each way to reach someone', () => {
  const parts = contactParts('Rota: +44 20 7946 0018 or ops@example.com, then #ops (after 2026-01-01)', { slack: 'https://acme.slack.com' });
  expect(parts.map((part) => [part.kind, part.text])).toEqual([
    ['text', 'Rota: '],
    ['phone', '+44 20 7946 0018'],
    ['text', ' or '],
    ['email', 'ops@example.com'],
    ['text', ', then '],
    ['slack', '#ops'],
    ['text', ' (after 2026-01-01)'],
  ]);
});
