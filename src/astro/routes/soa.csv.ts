// /soa.csv: the Statement of Applicability, one row per control (RFC 4180, formula cells neutralised).
import type { APIRoute } from 'astro';
import { siteSoaCsv } from '../controls.js';
import { getSiteRun } from '../state.js';

export const prerender = true;

export const GET: APIRoute = async () => {
  return new Response(siteSoaCsv(await getSiteRun()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
