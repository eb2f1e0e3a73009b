import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from './config/load.js';
import { readFrontmatter } from './parse/frontmatter.js';
import { nextId, scaffoldDocument, slugify } from './scaffold.js';

const config = defaultConfig('/repo');
const base = { title: 'Database failover', today: '2026-11-26', config, existing: [] };

describe('scaffoldDocument', () => {
  it('writes every required field, today as the review date, and the type\'s sections', () => {
    const result = scaffoldDocument({ ...base, type: 'runbook' });
    expect(result).toMatchObject({ ok: true, id: 'RB-01', relPath: 'runbooks/database-failover.md', file: 'content/runbooks/database-failover.md' });
    if (!result.ok) return;
    const { data, problems, body } = readFrontmatter(result.text);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ title: 'Database failover', id: 'RB-01', type: 'runbook', owner: 'TBD', last_reviewed: '2026-11-26', review_cycle: 'semiannual' });
    expect(data?.escalation).toEqual([{ role: 'Incident lead', name: 'TBD', contact: 'TBD', after: '0m' }]);
    expect(body).toMatch(/^## Escalation$/m);
  });

  it('uses the team\'s field names and sections from the config', () => {
    const team = resolveConfig(
      { fields: { last_reviewed: 'last_reviewed_on', review_cycle: 'review_in', owner: 'owner_slack' }, sections: { policy: ['Why', 'Who'] } },
      '/repo',
      null,
    );
    const result = scaffoldDocument({ ...base, config: team, type: 'policy', owner: '#security' });
    if (!result.ok) throw new Error(result.message);
    const { data, body } = readFrontmatter(result.text);
    expect(Object.keys(data ?? {})).toEqual(['title', 'id', 'type', 'owner_slack', 'last_reviewed_on', 'review_in']);
    expect(data?.owner_slack).toBe('#security');
    expect(body.match(/^## .*/gm)).toEqual(['## Why', '## Who']);
  });

  it('puts a type where the config\'s "types" puts it, in the first content folder, without a type field', () => {
    const team = resolveConfig({ content: ['source', 'extra'], types: { 'manual/alerts/**': 'runbook', 'manual/**': 'procedure' } }, '/repo', null);
    const runbook = scaffoldDocument({ ...base, config: team, type: 'runbook' });
    const procedure = scaffoldDocument({ ...base, config: team, type: 'procedure' });
    const policy = scaffoldDocument({ ...base, config: team, type: 'policy' });
    expect(runbook).toMatchObject({ file: 'source/manual/alerts/database-failover.md' });
    expect(procedure).toMatchObject({ file: 'source/manual/database-failover.md' });
    expect(policy).toMatchObject({ file: 'source/policies/database-failover.md' });
    if (runbook.ok) expect(readFrontmatter(runbook.text).data).not.toHaveProperty('type');
  });

  it('takes the review cycle most of the type\'s documents use, ignoring ones that do not parse', () => {
    const existing = [
      { id: null, type: 'procedure', review_cycle: '6 months' },
      { id: null, type: 'procedure', review_cycle: '6 months' },
      { id: null, type: 'procedure', review_cycle: 'whenever' },
      { id: null, type: 'procedure', review_cycle: 'whenever' },
      { id: null, type: 'procedure', review_cycle: 'whenever' },
      { id: null, type: 'policy', review_cycle: 'P2Y' },
    ];
    const result = scaffoldDocument({ ...base, type: 'procedure', existing });
    if (result.ok) expect(result.text).toMatch(/^review_cycle: 6 months$/m);
    const runbook = scaffoldDocument({ ...base, type: 'runbook', existing });
    if (runbook.ok) expect(runbook.text).toMatch(/^review_cycle: semiannual$/m);
  });

  it('quotes titles and owners that YAML would misread', () => {
    for (const title of ['Payments: card outage', 'yes', '#1 priority', 'Déjà vu — "quoted"', '2026-01-01 change freeze', '1e3', '2026-01-01', '6 months']) {
      const result = scaffoldDocument({ ...base, type: 'policy', title, owner: '@ops: team' });
      if (!result.ok) throw new Error(result.message);
      expect(readFrontmatter(result.text).data).toMatchObject({ title, owner: '@ops: team' });
    }
  });

  it('leaves out optional fields the type\'s schema does not know', () => {
    const result = scaffoldDocument({ ...base, type: 'procedure', knownFields: ['title', 'type', 'owner', 'last_reviewed', 'review_cycle'] });
    if (result.ok) expect(readFrontmatter(result.text).data).not.toHaveProperty('id');
  });

  it.each([
    [{ title: '  ' }, /title must not be empty/],
    [{ title: '!!!' }, /no letters or digits/],
    [{ id: 'has space' }, /--id/],
    [{ id: 'RB-07', existing: [{ id: 'RB-07', type: 'runbook' }] }, /already used/],
  ])('refuses %o', (change, message) => {
    const result = scaffoldDocument({ ...base, type: 'runbook', ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('nextId', () => {
  const ids = (type: string, ...list: string[]) => list.map((id) => ({ id, type }));
  it.each([
    [[], 'POL-01'],
    [ids('policy', 'POL-01', 'POL-02', 'POL-07'), 'POL-08'],
    [ids('policy', 'POL-001', 'POL-009'), 'POL-010'],
    [ids('policy', 'SEC-POL-3', 'SEC-POL-4'), 'SEC-POL-05'],
    // Each id its own topic: the shared prefix starts a plain series.
    [ids('policy', 'POL-AC-01', 'POL-BC-2023', 'POL-IR-01'), 'POL-01'],
    // Another type's ids do not count.
    [[...ids('procedure', 'PRO-IR-01', 'PRO-IR-02'), ...ids('policy', 'POL-01')], 'POL-02'],
    [ids('policy', 'POL-05'), 'POL-06'],
  ])('%o → %s', (existing, expected) => {
    const taken = new Set(existing.map((doc) => doc.id));
    expect(nextId('policy', existing, taken)).toBe(expected);
  });

  it('skips ids taken by documents of any type', () => {
    const existing = [{ id: 'RB-01', type: 'runbook' }];
    expect(nextId('runbook', existing, new Set(['RB-01', 'RB-02']))).toBe('RB-03');
  });

  it('continues a topic series', () => {
    const existing = ['PRO-IR-01', 'PRO-IR-02', 'PRO-IR-03'].map((id) => ({ id, type: 'procedure' }));
    expect(nextId('procedure', existing, new Set(existing.map((doc) => doc.id)))).toBe('PRO-IR-04');
  });
});

describe('slugify', () => {
  it.each([
    ['Database failover (primary)', 'database-failover-primary'],
    ['Déjà vu: Ünïcode', 'deja-vu-unicode'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));
});
