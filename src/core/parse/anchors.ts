// Heading anchors as each site generator computes them, so `link-broken` accepts exactly the
// `#anchors` that exist on the published page.
import { slug as githubSlug } from 'github-slugger';
import type { AnchorStyle } from '../config/presets.js';
import { boundedMemo } from '../memo.js';

export interface Slugger {
  slug(text: string, level: number): string;
}

export function sluggerFor(style: AnchorStyle): Slugger {
  return style === 'tech-docs' ? new TechDocsSlugger() : new GithubAnchors();
}

// github-slugger's `slug` is a pure function of the text, and its Unicode regex is most of a
// heading's cost: headings repeat across documents ("Escalation", "Scope"), so each text is
// slugged once.
const baseSlug = boundedMemo((text) => githubSlug(text), 20_000);

/** GithubSlugger's anchors: a repeated slug is numbered from 1 (`scope`, `scope-1`), as its `slug` method does. */
class GithubAnchors implements Slugger {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    const original = baseSlug(text);
    let result = original;
    while (this.occurrences.has(result)) {
      const count = (this.occurrences.get(original) as number) + 1;
      this.occurrences.set(original, count);
      result = `${original}-${count}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

// Redcarpet with SmartyPants renders the heading's text to HTML before tech-docs slugs it, so
// entities such as &rsquo; leave their names in the anchor ("Who's on call" → who-rsquo-s-on-call).
const SMARTY: Array<[RegExp, string]> = [
  [/&/g, '&amp;'],
  [/</g, '&lt;'],
  [/>/g, '&gt;'],
  [/---/g, '&mdash;'],
  [/--/g, '&ndash;'],
  [/\.\.\./g, '&hellip;'],
  [/(^|[\s(\[])"/g, '$1&ldquo;'],
  [/"/g, '&rdquo;'],
  [/(^|[\s(\[])'/g, '$1&lsquo;'],
  [/'/g, '&rsquo;'],
];

/**
 * GOV.UK tech-docs' UniqueIdentifierGenerator: lowercase, runs of anything but [0-9a-z] become
 * one dash; a repeated anchor is prefixed by its parent heading's, then numbered from 2.
 */
class TechDocsSlugger implements Slugger {
  private readonly anchors: Array<{ id: string; level: number }> = [];

  slug(text: string, level: number): string {
    let html = text.trim();
    for (const [pattern, replacement] of SMARTY) html = html.replace(pattern, replacement);
    let anchor = html.toLowerCase().replace(/[^0-9a-z]+/g, '-').replace(/^-+|-+$/g, '');
    if (!this.unique(anchor)) {
      const parent = [...this.anchors].reverse().find((candidate) => candidate.level < level);
      if (parent) anchor = `${parent.id}-${anchor}`;
    }
    if (!this.unique(anchor)) {
      let number = 2;
      while (!this.unique(`${anchor}-${number}`)) number++;
      anchor = `${anchor}-${number}`;
    }
    this.anchors.push({ id: anchor, level });
    return anchor;
  }

  private unique(id: string): boolean {
    return !this.anchors.some((anchor) => anchor.id === id);
  }
}
