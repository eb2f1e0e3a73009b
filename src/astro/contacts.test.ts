import { expect, test } from 'vitest';
import { afterText, contactLink, webHref } from './contacts.js';

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
