// Vigil's Astro integration: wiring only. It runs the core check once (offline), fails the
// build on errors with `vigil check`'s diagnostics (see gate.ts for VIGIL_SITE_GATE), adds Starlight with Vigil's components,
// and injects the register, controls, rules and home pages. Logic lives in the modules beside it.
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import { runCheck, type SiteOptions } from './check.js';
import { gateReport, resolveGateMode } from './gate.js';
import { setSiteRun } from './state.js';

export type VigilSiteOptions = SiteOptions;

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const component = (name: string): string => fileURLToPath(new URL(`../components/${name}`, import.meta.url));

export default function vigil(options: VigilSiteOptions = {}): AstroIntegration {
  return {
    name: 'vigil',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, injectRoute, logger }) => {
        if (command === 'preview') return;
        const gate = resolveGateMode(options.gate ?? process.env.VIGIL_SITE_GATE);
        const site = await runCheck(options);
        const problem = gateReport(site, gate);
        // The diagnostics go to the log and the error stays short: Astro adds a misleading
        // "browser APIs" hint to any error whose text mentions "document".
        if (problem?.details && problem.blocks) logger.error(`\n${problem.details}`);
        else if (problem?.details) logger.warn(`\n${problem.details}`);
        if (problem?.blocks && command === 'build') throw new Error(problem.summary);
        if (problem) logger.warn(problem.summary);
        else if (site.run.summary.warnings > 0) logger.info(`${site.run.summary.warnings} warning(s) from vigil check; building anyway`);
        setSiteRun(site);

        const { config } = site;
        updateConfig({
          // Vigil's own source folder: its content config feeds Starlight from the core's run,
          // so a repository of Markdown needs no src/ of its own.
          srcDir: new URL('./app/', import.meta.url),
          base: config.site.base,
          ...(config.site.url ? { site: config.site.url } : {}),
          integrations: [
            starlight({
              title: config.site.title,
              // A few fixed links: Starlight would otherwise list every page on every page.
              sidebar: [
                { label: 'Register', link: '/register/' },
                { label: 'Controls', link: '/controls/' },
                { label: 'Rules', link: '/rules/' },
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
        injectRoute({ pattern: '/soa.csv', entrypoint: here('./routes/soa.csv.ts'), prerender: true });
        // The rules' docs pages, where SARIF's helpUri (`<site.url>/rules/<id>/`) points.
        injectRoute({ pattern: '/rules', entrypoint: here('./routes/rules/index.astro'), prerender: true });
        injectRoute({ pattern: '/rules/[id]', entrypoint: here('./routes/rules/[id].astro'), prerender: true });
      },
    },
  };
}
