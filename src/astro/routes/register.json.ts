// /register.json: every document with its status as of the build date.
import type { APIRoute } from 'astro';
import { registerJson } from '../register.js';
import { routeFor } from '../routes.js';
import { getSiteRun } from '../state.js';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { run, now } = await getSiteRun();
  const base = import.meta.env.BASE_URL;
  const body = registerJson(run.documents, now, (record) => routeFor(base, record.slug));
  // One line: the register page loads this file on a phone too (6.6 MB indented at 10,000 documents).
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
