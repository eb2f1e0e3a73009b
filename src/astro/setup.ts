// What both of Vigil's site entry points do in `astro:config:setup`: run the core check once,
// apply the build gate (the log says which gate ran and what it let through), keep the run
// for the pages, and inject Vigil's own pages.
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger, HookParameters } from 'astro';
import { runCheck, type SiteOptions } from './check.js';
import { gateReport, resolveGateMode } from './gate.js';
import { getSiteRun, setSiteRun, type SiteRun } from './state.js';

export const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
export const component = (name: string): string => fileURLToPath(new URL(`../components/${name}`, import.meta.url));

/** Checks the documents and gates the build; throws (a build only) when the gate blocks. */
export async function prepareSite(options: SiteOptions, command: string, logger: AstroIntegrationLogger): Promise<SiteRun> {
  const site = await runCheck(options);
  const gate = resolveGateMode(options.gate ?? process.env.VIGIL_SITE_GATE ?? site.config.site.gate);
  const report = gateReport(site, gate);
  // The diagnostics go to the log and the error stays short: Astro adds a misleading
  // "browser APIs" hint to any error whose text mentions "document".
  if (report.details && report.blocks) logger.error(`\n${report.details}`);
  else if (report.details) logger.warn(`\n${report.details}`);
  if (report.blocks && command === 'build') throw new Error(report.summary);
  (report.blocks || report.letThrough > 0 ? logger.warn : logger.info).call(logger, report.summary);
  setSiteRun(site);
  return site;
}

let pending: Promise<void> = Promise.resolve();
const isDocumentOrConfig = (file: string): boolean => /\.(md|mdx|markdown|erb)$/i.test(file) || /vigil\.config\.[a-z]+$/.test(file);

/**
 * `astro dev`: when a document (or the config) changes, check again with the options the site
 * was built with and keep the new run, so its page shows the new status, banner and contacts
 * without a restart; `afterwards` then reloads what reads the run (the zero-config loader).
 */
export function recheckOnChange(file: string, logger: { info(message: string): void; error(message: string): void }, afterwards?: () => Promise<void>): void {
  if (!isDocumentOrConfig(file)) return;
  // One check at a time, in the order the edits came.
  pending = pending.then(async () => {
    try {
      const previous = await getSiteRun();
      const site = await runCheck(previous.options);
      setSiteRun(site);
      await afterwards?.();
      logger.info(`checked again after a change to ${file}: ${site.run.summary.errors} error(s), ${site.run.summary.warnings} warning(s)`);
    } catch (error) {
      logger.error(`could not check the documents again: ${(error as Error).message}`);
    }
  });
}

type InjectRoute = HookParameters<'astro:config:setup'>['injectRoute'];

/** The register, controls, SoA and rule pages (and, for the zero-config site, the home page). */
export function injectVigilRoutes(injectRoute: InjectRoute, { home }: { home: boolean }): void {
  if (home) injectRoute({ pattern: '/', entrypoint: here('./routes/home.astro'), prerender: true });
  injectRoute({ pattern: '/register', entrypoint: here('./routes/register.astro'), prerender: true });
  injectRoute({ pattern: '/register.csv', entrypoint: here('./routes/register.csv.ts'), prerender: true });
  injectRoute({ pattern: '/register.json', entrypoint: here('./routes/register.json.ts'), prerender: true });
  injectRoute({ pattern: '/controls', entrypoint: here('./routes/controls.astro'), prerender: true });
  injectRoute({ pattern: '/soa.csv', entrypoint: here('./routes/soa.csv.ts'), prerender: true });
  // The break-glass bundle (vigil export), to save from the site before it is needed.
  injectRoute({ pattern: '/break-glass.html', entrypoint: here('./routes/break-glass.html.ts'), prerender: true });
  // The rules' docs pages, where SARIF's helpUri (`<site.url>/rules/<id>/`) points.
  injectRoute({ pattern: '/rules', entrypoint: here('./routes/rules/index.astro'), prerender: true });
  injectRoute({ pattern: '/rules/[id]', entrypoint: here('./routes/rules/[id].astro'), prerender: true });
}
