// The break-glass bundle (`vigil export`): one HTML file that needs nothing else, to keep on a
// laptop or print for when the site is down. Pure: the core's records and rendered bodies in,
// one string out. A Content-Security-Policy of its own forbids every request (no fonts, images,
// styles or scripts from anywhere), and its one script (the search box) is allowed by hash.
import { createHash } from 'node:crypto';
import { afterText, contactLink, webHref, type ContactOptions } from '../../astro/contacts.js';
import { bannerWords, STATUS_LABELS } from '../../components/statusWords.js';
import type { DocumentRecord, IsoDate } from '../../core/index.js';
import { contactPartHtml, escapeHtml } from './html.js';

export interface ExportRunbook {
  record: DocumentRecord;
  /** The body rendered as the site renders it (escaped, raw HTML off), ids not yet made unique. */
  bodyHtml: string;
}

export interface ExportInput {
  title: string;
  /** The day the file was made. */
  madeOn: IsoDate;
  /** The day the statuses were judged for. */
  statusAsOf: IsoDate;
  runbooks: ExportRunbook[];
  contacts: ContactOptions;
  /** Where the site lives, for a line in the header; null when the config names none. */
  siteUrl: string | null;
}

export interface ExportResult {
  html: string;
  /** sha256 of the runbooks' content as shown (everything but the day the file was made). */
  contentHash: string;
  runbooks: number;
}

/**
 * Markup the site needs and a file of a thousand runbooks does not (classes its own stylesheet
 * selects by attribute instead, the broken-link tooltip, newlines between tags): the bundle of
 * 1,000 runbooks stays under 5 MB.
 */
function compact(html: string): string {
  return html
    .replace(/ class="vigil-contact vigil-contact--[a-z]+"/g, '')
    .replace(/ title="Broken link: it leads to no page of this site"/g, '')
    .replace(/>\n+</g, '><');
}

/**
 * One runbook's body with its headings one level down, ids and in-page links made unique to it
 * (every runbook has a `#summary`), and links the site would resolve to another runbook pointed at its section here.
 */
export function scopeBody(bodyHtml: string, anchor: string, anchors: ReadonlyMap<string, string>): string {
  return bodyHtml
    // The runbook's title is this file's h2: its sections sit one level below.
    .replace(/<(\/?)h([2-5])\b/g, (_match, slash: string, level: string) => `<${slash}h${Number(level) + 1}`)
    .replace(/ id="([^"]*)"/g, (_match, id: string) => ` id="${anchor}--${id}"`)
    .replace(/ href="#doc:([^"#]*)(?:#([^"]*))?"/g, (_match, slug: string, fragment?: string) => {
      const target = anchors.get(decodeURIComponent(slug));
      if (!target) return ' href="#top"';
      return ` href="#${target}${fragment ? `--${fragment}` : ''}"`;
    })
    .replace(/ href="#(?!rb-|top")([^"]*)"/g, (_match, fragment: string) => ` href="#${anchor}--${fragment}"`);
}

function contactsHtml(record: DocumentRecord, options: ContactOptions): string {
  if (record.escalation.length === 0) return '';
  const items = record.escalation.map((entry) => {
    const link = contactLink(entry.contact, options);
    const reach = link === null ? '<span class="missing">no contact given</span>' : contactPartHtml(link);
    return `<li><span class="role">${escapeHtml(entry.role)}</span>${entry.name ? ` <span class="name">${escapeHtml(entry.name)}</span>` : ''} ${reach} <span class="after">${escapeHtml(afterText(entry.after))}</span></li>`;
  });
  return `<h3>Escalation contacts</h3><ol class="contacts">${items.join('')}</ol>`;
}

function statusPagesHtml(record: DocumentRecord): string {
  if (record.status_pages.length === 0) return '';
  const items = record.status_pages.map((page) => {
    const href = webHref(page.url);
    // The address is shown as well: a printed page has no links.
    return href ? `<li><a href="${escapeHtml(href)}">${escapeHtml(page.name)}</a> <span class="url">${escapeHtml(href)}</span></li>` : `<li>${escapeHtml(page.name)} <span class="url">(${escapeHtml(page.url)}: not a web address)</span></li>`;
  });
  return `<h3>Status pages</h3><ul>${items.join('')}</ul>`;
}

function bannerHtml(record: DocumentRecord): string {
  const words = bannerWords(record.status, { nextReview: record.next_review, expires: record.expires, hasOwner: !!record.owner });
  const problems = record.problems ?? [];
  if (words === null && problems.length === 0) return '';
  const list = problems.length > 0 ? `<ul>${problems.map((problem) => `<li>${escapeHtml(problem.text)}</li>`).join('')}</ul>` : '';
  return `<div class="banner banner--${record.status}" role="note"><strong>${escapeHtml(words ?? '')}</strong>${list}</div>`;
}

function runbookHtml(runbook: ExportRunbook, anchors: ReadonlyMap<string, string>, options: ContactOptions): string {
  const { record } = runbook;
  const anchor = anchors.get(record.slug) as string;
  const facts = [
    record.id ? `<span class="docid">${escapeHtml(record.id)}</span>` : '',
    `Owner: ${escapeHtml(record.owner ?? 'none named')}`,
    `Last reviewed: ${escapeHtml(record.last_reviewed ?? '—')}`,
    `Next review due: ${escapeHtml(record.next_review ?? '—')}`,
  ].filter(Boolean);
  return [
    `<section class="runbook" id="${anchor}">`,
    `<h2>${escapeHtml(record.title)} <span class="badge badge--${record.status}">${STATUS_LABELS[record.status]}</span></h2>`,
    `<p class="facts">${facts.join(' · ')}</p>`,
    bannerHtml(record),
    contactsHtml(record, options),
    statusPagesHtml(record),
    `<div class="body">${scopeBody(runbook.bodyHtml, anchor, anchors)}</div>`,
    '<p class="back"><a href="#top">Back to the list</a></p>',
    '</section>',
  ].join('\n');
}

// Filters the runbooks as the reader types: title, id, owner, contacts and body, ignoring case
// and accents ("wojcik" finds "Wójcik"). Kept short and dependency-free; allowed by its hash.
const SEARCH_SCRIPT = `(function(){var f=function(t){return t.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();};
var input=document.getElementById('q'),sections=[].slice.call(document.querySelectorAll('section.runbook')),count=document.getElementById('count');
var text=sections.map(function(s){return f(s.textContent||'');});
input.addEventListener('input',function(){var words=f(input.value).split(/\\s+/).filter(Boolean),shown=0;
sections.forEach(function(s,i){var hit=words.every(function(w){return text[i].indexOf(w)!==-1;});s.hidden=!hit;
var entry=document.querySelector('[data-for="'+s.id+'"]');if(entry)entry.hidden=!hit;if(hit)shown++;});
count.textContent=words.length?shown+' of '+sections.length+' runbooks match':sections.length+' runbooks';});})();`;

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45}
body{margin:0 auto;max-width:52rem;padding:0 1rem 3rem;overflow-wrap:anywhere}
header.top{border-bottom:2px solid currentColor;padding:.8rem 0}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.3rem;margin:0 0 .3rem}h3{font-size:1.05rem;margin:.8rem 0 .2rem}
.stamp,.facts,.url,.after{font-size:.9rem;opacity:.85}
label.search{display:block;margin:.8rem 0 .3rem;font-weight:600}
input#q{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;min-height:44px;border:2px solid currentColor;border-radius:.3rem}
nav.toc ol{padding-inline-start:1.3rem}nav.toc li{margin:.2rem 0}
section.runbook{border-top:2px solid currentColor;margin-top:1.5rem;padding-top:.8rem}
.badge{display:inline-block;font-size:.8rem;font-weight:700;padding:.05rem .5rem;border:2px solid currentColor;border-radius:1rem;vertical-align:middle}
.badge--current{color:#1a6b34}.badge--due-soon{color:#8a4b00}.badge--overdue,.badge--incomplete,.badge--expired{color:#b3261e}
.banner{border:3px solid #b3261e;padding:.5rem .7rem;margin:.5rem 0;border-radius:.3rem}
.banner--draft{border-style:dashed;border-color:#5b3fa6}.banner--retired{border-style:double;border-color:#4a4f5a}
.banner ul{margin:.3rem 0 0}
ol.contacts li{margin:.2rem 0}.role{font-weight:700}.missing{color:#b3261e;font-weight:700}
a[href^="tel:"],a[href^="mailto:"],a[href*="slack.com/"]{display:inline-flex;align-items:center;min-height:44px;font-weight:700;padding:0 .2rem}
a[href^="tel:"]{white-space:nowrap}
.body table{border-collapse:collapse;width:100%}.body td,.body th{border:1px solid;padding:.25rem .4rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
.body pre{overflow-x:auto;white-space:pre-wrap}
[hidden]{display:none!important}
@media (max-width:40rem){table.vigil-contact-table,table.vigil-contact-table tbody,table.vigil-contact-table tr,table.vigil-contact-table td{display:block;width:auto}
table.vigil-contact-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.vigil-contact-table tr{border:1px solid;margin-bottom:.6rem}table.vigil-contact-table td{border:0}
table.vigil-contact-table td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;opacity:.8}}
@media print{label.search,input#q,#count,.back{display:none}section.runbook{break-before:page;border-top:0}a{color:#000}.badge,.banner{color:#000;border-color:#000}}
`;

/** The whole file. The content hash covers what the runbooks say, so two exports of the same content carry the same hash. */
export function renderExport(input: ExportInput): ExportResult {
  // Short anchors (rb-1, rb-2…, in the order listed): every heading id in the file carries one.
  const anchors = new Map(input.runbooks.map((runbook, index) => [runbook.record.slug, `rb-${index + 1}`]));
  const sections = compact(input.runbooks.map((runbook) => runbookHtml(runbook, anchors, input.contacts)).join('\n'));
  const contentHash = createHash('sha256').update(`${input.statusAsOf}\n${sections}`).digest('hex');
  const toc = input.runbooks
    .map((runbook) => {
      const first = runbook.record.escalation[0];
      const call = first ? ` — ${escapeHtml(first.role)}: ${first.contact ? contactPartHtml(contactLink(first.contact, input.contacts) ?? { kind: 'text', text: '' }) : '<span class="missing">no contact given</span>'}` : '';
      return `<li data-for="${anchors.get(runbook.record.slug)}"><a href="#${anchors.get(runbook.record.slug)}">${escapeHtml(runbook.record.title)}</a> <span class="badge badge--${runbook.record.status}">${STATUS_LABELS[runbook.record.status]}</span>${call}</li>`;
    })
    .join('\n');
  const tocHtml = compact(toc);
  const scriptHash = createHash('sha256').update(SEARCH_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; form-action 'none'; base-uri 'none'`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="vigil-content-hash" content="sha256:${contentHash}">
<title>${escapeHtml(`Break-glass runbooks — ${input.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top" id="top">
<h1>Break-glass runbooks — ${escapeHtml(input.title)}</h1>
<p class="stamp">Made on ${input.madeOn}; statuses as of ${input.statusAsOf}. Content hash sha256:<code>${contentHash}</code>.${input.siteUrl ? ` The live site: <a href="${escapeHtml(input.siteUrl)}">${escapeHtml(input.siteUrl)}</a>.` : ''} Check the site when it is back: this copy does not change.</p>
<label class="search" for="q">Search the runbooks</label>
<input id="q" type="search" autocomplete="off" placeholder="title, id, owner, contact or any word">
<p id="count" aria-live="polite">${input.runbooks.length} runbooks</p>
</header>
<nav class="toc" aria-label="Runbooks"><ol>
${tocHtml}
</ol></nav>
<main>
${sections || '<p>No active runbooks.</p>'}
</main>
<script>${SEARCH_SCRIPT}</script>
</body>
</html>
`;
  return { html, contentHash, runbooks: input.runbooks.length };
}
