// /break-glass.html: the same bundle `vigil export` writes, published with the site.
import type { APIRoute } from 'astro';
import { todayUtc } from '../../core/index.js';
import { breakGlassBundle } from '../../site/render/bundle.js';
import { getSiteRun } from '../state.js';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { run, config, now } = await getSiteRun();
  const bundle = breakGlassBundle(run.docs, config, now, todayUtc());
  return new Response(bundle.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
