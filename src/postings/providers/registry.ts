import type { IdentitySource } from '../posting-identity.js';
import { ashbyProvider } from './ashby.js';
import { bambooHrProvider } from './bamboohr.js';
import { breezyProvider } from './breezy.js';
import { comeetProvider } from './comeet.js';
import { doverProvider } from './dover.js';
import { greenhouseProvider } from './greenhouse.js';
import { htmlFallbackProvider } from './html-fallback.js';
import { icimsProvider } from './icims.js';
import { indeedProvider } from './indeed.js';
import { jazzHrProvider } from './jazzhr.js';
import { jobviteProvider } from './jobvite.js';
import { joinProvider } from './join.js';
import { jsonLdProvider } from './json-ld.js';
import { leverProvider } from './lever.js';
import { linkedinProvider } from './linkedin.js';
import { oracleRecruitingProvider } from './oracle-recruiting.js';
import { personioProvider } from './personio.js';
import { pinpointProvider } from './pinpoint.js';
import { recruiteeProvider } from './recruitee.js';
import { ripplingProvider } from './rippling.js';
import { smartRecruitersProvider } from './smartrecruiters.js';
import { successFactorsProvider } from './successfactors.js';
import { taleoProvider } from './taleo.js';
import { teamtailorProvider } from './teamtailor.js';
import type { Provider } from './types.js';
import { welcomeToTheJungleProvider } from './welcome-to-the-jungle.js';
import { wellfoundProvider } from './wellfound.js';
import { workableProvider } from './workable.js';
import { workdayProvider } from './workday.js';

/** Job-board providers, one per identity source (json-ld and html are generic and come last). */
export const BOARD_PROVIDERS: Readonly<Record<Exclude<IdentitySource, 'other'>, Provider>> = {
  greenhouse: greenhouseProvider,
  lever: leverProvider,
  ashby: ashbyProvider,
  workable: workableProvider,
  smartrecruiters: smartRecruitersProvider,
  recruitee: recruiteeProvider,
  workday: workdayProvider,
  linkedin: linkedinProvider,
  bamboohr: bambooHrProvider,
  jazzhr: jazzHrProvider,
  breezy: breezyProvider,
  pinpoint: pinpointProvider,
  rippling: ripplingProvider,
  comeet: comeetProvider,
  dover: doverProvider,
  wellfound: wellfoundProvider,
  indeed: indeedProvider,
  personio: personioProvider,
  teamtailor: teamtailorProvider,
  join: joinProvider,
  'welcome-to-the-jungle': welcomeToTheJungleProvider,
  icims: icimsProvider,
  jobvite: jobviteProvider,
  taleo: taleoProvider,
  'oracle-recruiting': oracleRecruitingProvider,
  successfactors: successFactorsProvider,
};

/** Every provider in the order they are tried when nothing says which one applies. */
export const ALL_PROVIDERS: readonly Provider[] = [
  ...Object.values(BOARD_PROVIDERS),
  jsonLdProvider,
  htmlFallbackProvider,
];

/** The board provider for an identity source; null for `other`. */
export function providerForSource(source: IdentitySource): Provider | null {
  return source === 'other' ? null : BOARD_PROVIDERS[source];
}

/**
 * Providers in the order to try for a payload: the identity's board first, then every other
 * board (payload shapes are distinct), then JSON-LD, then the HTML fallback.
 */
export function providersToTry(source: IdentitySource | null): Provider[] {
  const first = source ? providerForSource(source) : null;
  return first ? [first, ...ALL_PROVIDERS.filter((p) => p !== first)] : [...ALL_PROVIDERS];
}
