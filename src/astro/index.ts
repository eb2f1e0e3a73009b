// Vigil's Astro integration: wiring only. It runs the core check once (offline), fails the
// build on errors with `vigil check`'s diagnostics, adds Starlight with Vigil's components,
// and injects the register, controls and home pages. Logic lives in the modules beside it.
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { formatPretty } from '../cli/formatters/pretty.js';
import { runCheck, type SiteOptions } from './check.js';
import { setSiteRun, type SiteRun } from './state.js';

export type VigilSiteOptions = SiteOptions;

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const component = (name: string): string => fileURLToPath(new URL(`../components/${name}`, import.meta.url));

/** The build gate: `vigil check`'s report when there are errors (or content is missing), else null. */
export function gateReport(site: SiteRun): { summary: string; details: string } | null {
  const { run } = site;
  if (run.missing.length > 0) return { summary: `vigil: content folder not found: ${run.missing.join(', ')}`, details: '' };
  if (run.summary.errors === 0) return null;
  const errors = run.summary.errors;
  return { summary: `vigil check found ${errors} error${errors === 1 ? '' : 's'}: the site was not built`, details: formatPretty(run, false) };
}

export default function vigil(options: VigilSiteOptions = {}): AstroIntegration {
  return {
    name: 'vigil',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, injectRoute, logger }) => {
        if (command === 'preview') return;
        const site = await runCheck(options);
        const problem = gateReport(site);
        // The diagnostics go to the log and the error stays short: Astro adds a misleading
        // "browser APIs" hint to any error whose text mentions "document".
        if (problem?.details) logger.error(`\n${problem.details}`);
        if (problem && command === 'build') throw new Error(problem.summary);
        if (problem) logger.warn(problem.summary);
        else if (site.run.summary.warnings > 0) logger.info(`${site.run.summary.warnings} warning(s) from vigil check; building anyway`);
        setSiteRun(site);

        const { config } = site;
        updateConfig({
          base: config.site.base,
          ...(config.site.url ? { site: config.site.url } : {}),
          integrations: [
            starlight({
              title: config.site.title,
              // A few fixed links: Starlight would otherwise list every page on every page.
              sidebar: [
                { label: 'Register', link: '/register/' },
                { label: 'Controls', link: '/controls/' },
              ],
              pagination: false,
              components: {
                Head: component('Head.astro'),
                PageTitle: component('PageTitle.astro'),
                Sidebar: component('Sidebar.astro'),
              },
              customCss: [component('vigil.css')],
            }),
          ],
        });
        injectRoute({ pattern: '/', entrypoint: here('./routes/home.astro'), prerender: true });
        injectRoute({ pattern: '/register', entrypoint: here('./routes/register.astro'), prerender: true });
        injectRoute({ pattern: '/register.csv', entrypoint: here('./routes/register.csv.ts'), prerender: true });
        injectRoute({ pattern: '/register.json', entrypoint: here('./routes/register.json.ts'), prerender: true });
        injectRoute({ pattern: '/controls', entrypoint: here('./routes/controls.astro'), prerender: true });
      },
    },
  };
}
