import { rememberCompanyActionIds } from '../ids.js';
import { encodeRememberCompany } from './action-values.js';
import { actions, button, context, type SlackMessage, section } from './block-kit.js';
import { oneLine, truncate } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/**
 * The ephemeral question after "I can refer": remember this member for the company, so future
 * postings there list them and `/vouch referrers <company>` finds them.
 */
export function rememberCompanyPrompt(input: { company: string; postingId: string }): SlackMessage {
  // The name rides in the button value (max 2,000): a runaway name is cut, not sent broken.
  const name = truncate(oneLine(input.company), 200);
  const company = escapeMrkdwn(name);
  const value = encodeRememberCompany({ company: name, postingId: input.postingId });
  return {
    text: `Remember that you can refer at ${company}?`,
    blocks: [
      section(`🙌 Thanks! Remember that you can refer at *${company}*?`),
      context(
        `Future ${company} postings will list you on the card, and \`/vouch referrers ${company}\` will find you.`,
      ),
      ...actions([
        button({ actionId: rememberCompanyActionIds.yes, text: 'Yes, remember', style: 'primary', value }),
        button({ actionId: rememberCompanyActionIds.no, text: 'Just this posting', value }),
      ]),
    ],
  };
}
