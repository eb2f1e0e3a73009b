// /register.csv: every document, one row each (RFC 4180, formula cells neutralised), UTF-8 with
// a byte-order mark so Excel reads accents, and the day the statuses were judged for in each row.
import type { APIRoute } from 'astro';
import { registerCsv } from '../register.js';
import { getSiteRun } from '../state.js';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { run, now } = await getSiteRun();
  return new Response(registerCsv(run.documents, now), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
