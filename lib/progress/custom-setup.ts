import 'server-only';
import { checkSetup, type SetupInput, type SetupReport } from '../exercise/setup';
import { discoverIssuer, type DiscoveryOptions } from '../issuer/discover';

/**
 * Runs the own-server setup step: checks the input first (a bad issuer, client ID or redirect
 * URI never touches the network), then discovers the issuer through the SSRF guard.
 */
export async function runCustomSetup(input: SetupInput, options: DiscoveryOptions): Promise<SetupReport> {
  const checked = checkSetup(input, null);
  if (checked.status === 'fail') return checked;
  const discovery = await discoverIssuer(input.issuer.trim(), options);
  return checkSetup(input, discovery);
}
