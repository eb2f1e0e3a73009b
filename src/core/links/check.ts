// Network checks for status pages (status-page-dead). Filled in with the links work (issue 5).
import type { VigilConfig } from '../config/types.js';
import type { Finding, VigilDocument } from '../types.js';

export interface LinkProgress {
  done: number;
  total: number;
  inFlight: number;
  failures: number;
}

export async function checkStatusPages(
  _docs: VigilDocument[],
  _config: VigilConfig,
  _onProgress?: (progress: LinkProgress) => void,
): Promise<Finding[]> {
  return [];
}
