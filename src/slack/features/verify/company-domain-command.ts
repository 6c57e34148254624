import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { parseDomainInput, unusableDomainReason } from '../../../referrals/company-domains.js';
import { addJob } from '../../../work/work-queue.js';
import { type CompanyDomainOutcome, companyDomainResult } from '../../blocks/verification-blocks.js';
import { verificationFollowUps } from '../../effects/verification-jobs.js';
import type { Message } from '../../support/notifier.js';
import { completeDeliveryWithin } from '../../transport/durable-deliveries.js';
import type { VouchCommand } from '../command/parse-command.js';
import type { FeatureDeps } from '../feature-deps.js';
import { memberAsReferrer } from './check-referrer.js';

export type CompanyDomainCommand = Extract<VouchCommand, { kind: 'companyDomain' }>;

/**
 * `/vouch company-domain <company>` lists a company's domains (anyone may); with a domain it adds
 * one, and `remove` takes one away: workspace admins and owners only, asked of Slack each time
 * (users.info `is_admin` / `is_owner`). A change re-checks the company's referrers in its own
 * transaction, with the cards to redraw as jobs; referrers whose e-mail Vouch never read (listed
 * before verification existed) are read first.
 */
export async function answerCompanyDomainCommand(
  deps: Pick<FeatureDeps, 'referrals' | 'memberProfiles' | 'config' | 'work'>,
  client: WebClient,
  asker: { teamId: string; userId: string; context: Record<string, unknown> | undefined },
  command: CompanyDomainCommand,
): Promise<Message> {
  return companyDomainResult(await outcomeOf());

  async function outcomeOf(): Promise<CompanyDomainOutcome> {
    const { referrals } = deps;
    if (command.domain === null) {
      const list = await referrals.listCompanyDomains(asker.teamId, command.company);
      return {
        kind: 'list',
        company: list.company?.displayName ?? command.company,
        known: list.company !== null,
        domains: list.domains,
        removed: list.removed,
      };
    }
    const asking = await deps.memberProfiles.lookup(client, asker.teamId, asker.userId, { fresh: true });
    if (asking === null) return { kind: 'cannotCheck' };
    if (!asking.profile.isAdmin) return { kind: 'notAdmin', company: command.company };
    const domain = parseDomainInput(command.domain);
    if (domain === null) return { kind: 'invalid', text: command.domain };
    const why = unusableDomainReason(domain);
    if (why !== null && !command.remove) return { kind: 'unusable', domain, why };

    for (const userId of await referrals.uncheckedReferrersAt(asker.teamId, command.company)) {
      await memberAsReferrer(deps, client, { teamId: asker.teamId, userId });
    }
    // The first thing Vouch hears from a workspace may be this: the company needs its workspace row.
    await referrals.ensureWorkspace(asker.teamId);
    const change = command.remove ? referrals.removeCompanyDomain : referrals.addCompanyDomain;
    const written = await change(asker.teamId, command.company, domain, async (tx, changes) => {
      await completeDeliveryWithin(tx, asker.context);
      await addJob(
        tx,
        ...verificationFollowUps(`company-domain:${randomUUID()}`, changes, deps.config.referrers),
      );
    });
    deps.work.wake();
    if (written === null) return { kind: 'unknownCompany', company: command.company };
    return {
      kind: command.remove ? 'removed' : 'added',
      company: written.company.displayName,
      domain,
      verifiedCount: written.verifiedCount,
    };
  }
}
