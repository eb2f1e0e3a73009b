// vigil-docs/astro: the zero-config site for a repository that has only Markdown. Wiring only:
// the check and gate (setup.ts), Starlight set up with Vigil's components, and Vigil's pages.
import starlight from '@astrojs/starlight';
import type { AstroIntegration } from 'astro';
import type { SiteOptions } from './check.js';
import { component, injectVigilRoutes, prepareSite } from './setup.js';

export type VigilSiteOptions = SiteOptions;

export default function vigil(options: VigilSiteOptions = {}): AstroIntegration {
  return {
    name: 'vigil',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, injectRoute, logger }) => {
        if (command === 'preview') return;
        const { config } = await prepareSite(options, command, logger);
        updateConfig({
          // Vigil's own source folder: its content config feeds Starlight from the core's run,
          // so a repository of Markdown needs no src/ of its own.
          srcDir: new URL('./app/', import.meta.url),
          base: config.site.base,
          ...(config.site.url ? { site: config.site.url } : {}),
          integrations: [
            // Without a site address there is no sitemap to make; standing in for it keeps
            // Starlight from adding one that only warns that it cannot.
            ...(config.site.url ? [] : [{ name: '@astrojs/sitemap', hooks: {} }]),
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
                Search: component('Search.astro'),
                Sidebar: component('Sidebar.astro'),
              },
              customCss: [component('vigil.css')],
            }),
          ],
        });
        injectVigilRoutes(injectRoute, { home: true });
      },
    },
  };
}
