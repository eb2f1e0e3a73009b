// vigil-docs/starlight: a Starlight plugin for a site that already exists. It composes with the
// team's config: pages keep Starlight's own Markdown pipeline and loader, the team's sidebar
// and other plugins are left alone, and a component is overridden only where the team has not
// overridden it already. Vigil adds its header on document pages, and its own pages.
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { SiteOptions } from './check.js';
import { component, injectVigilRoutes, prepareSite, recheckOnChange } from './setup.js';

export type VigilStarlightOptions = SiteOptions;

export default function vigilStarlight(options: VigilStarlightOptions = {}): StarlightPlugin {
  const siteOptions = { ...options, preset: options.preset ?? 'starlight' };
  return {
    name: 'vigil-docs',
    hooks: {
      'config:setup': async ({ config, updateConfig, addIntegration, command, logger }) => {
        if (command === 'preview') return;
        await prepareSite(siteOptions, command, logger);
        const ours = { PageTitle: component('PageTitle.astro'), Head: component('Head.astro') };
        const components: Record<string, string> = {};
        for (const [name, file] of Object.entries(ours)) {
          if (config.components?.[name as keyof typeof ours]) logger.warn(`your config overrides ${name}; Vigil leaves it as it is, so ${name === 'PageTitle' ? 'document pages show no Vigil header' : "document titles are not escaped by Vigil's Head"}`);
          else components[name] = file;
        }
        updateConfig({
          components: { ...config.components, ...components },
          customCss: [...(config.customCss ?? []), component('vigil.css')],
        });
        addIntegration({
          name: 'vigil-docs:pages',
          hooks: {
            'astro:config:setup': ({ injectRoute }) => injectVigilRoutes(injectRoute, { home: false }),
            // astro dev: Starlight's own loader reloads the page; its header reads the run checked again.
            'astro:server:setup': ({ server, logger }) => {
              server.watcher.on('all', (_event, file) => recheckOnChange(file, logger));
            },
          },
        });
      },
    },
  };
}
