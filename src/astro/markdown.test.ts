import { expect, test } from 'vitest';
import { renderBody } from './markdown.js';

const routes = new Map([
  ['runbooks/db.md', '/runbooks/db/'],
  ['procedures/sev.md', '/procedures/sev/'],
]);

test('raw HTML in a body is shown as text, never as markup', () => {
  const { html } = renderBody('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n', 'runbooks/db.md', routes);
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;script&gt;');
});

test('only http(s), mailto, tel and relative links are kept', () => {
  const { html } = renderBody('[a](javascript:alert(1)) [b](https://x.example/) [c](mailto:a@x.example) [d](vbscript:x) [e](data:text/html,x)', 'runbooks/db.md', routes);
  expect(html).toContain('href="https://x.example/"');
  expect(html).toContain('href="mailto:a@x.example"');
  expect(html).not.toMatch(/href="(javascript|vbscript|data):/);
});

test('links to documents become site routes, fragments kept', () => {
  const { html } = renderBody('[sev](../procedures/sev.md#sev-1) [self](db.md) [missing](nope.md) [anchor](#x)', 'runbooks/db.md', routes);
  expect(html).toContain('href="/procedures/sev/#sev-1"');
  expect(html).toContain('href="/runbooks/db/"');
  expect(html).toContain('href="nope.md"');
  expect(html).toContain('href="#x"');
});

test('headings get GitHub slugs; a leading title heading is dropped but still counted', () => {
  const { html, headings } = renderBody('# Database failover\n\n## Steps\n\n## Steps\n\n### Database failover\n', 'runbooks/db.md', routes, 'Database Failover');
  expect(html).not.toContain('<h1');
  expect(headings).toEqual([
    { depth: 2, slug: 'steps', text: 'Steps' },
    { depth: 2, slug: 'steps-1', text: 'Steps' },
    { depth: 3, slug: 'database-failover-1', text: 'Database failover' },
  ]);
  expect(html).toContain('<h2 id="steps-1">');
});
