// /register.csv: every document, one row each (RFC 4180, formula cells neutralised).
import type { APIRoute } from 'astro';
import { registerCsv } from '../register.js';
import { getSiteRun } from '../state.js';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { run } = await getSiteRun();
  return new Response(registerCsv(run.documents), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
