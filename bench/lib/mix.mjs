// The request mix of figure 2's bursts and figure 6's sustained load, built the same way in the
// orchestrator (bursts) and in the load process (sustained load, one request at a time): in every 5
// requests, 2 `link_shared` events for a new job link (so the app fetches a page from the slow job
// board), 2 button clicks ("I can refer", Details, "I'm interested") on the postings set up before,
// and 1 `/vouch` command.
import { linkSharedEvent } from '../../test/helpers/slack-payloads.mjs';
import { blockActionRequest, commandRequest, eventRequest } from './slack-requests.mjs';

const COMMANDS = ['list', 'mine', 'stats', 'referrers Acme Robotics', 'help'];
const ACTIONS = ['i_can_refer', 'details', 'im_interested'];

/**
 * Request `i` of the mix. `label` makes the links new (`<boardOrigin>/jobs/<label>-<i>`),
 * `responseUrlBase` is the fake Slack API's response_url prefix, `postings` the cards to click on
 * ({ id, channel, ts }). Returns the signed-to-be request, its kind and, for an event, its message ts
 * (what its chat.unfurl names).
 * @param {number} i
 * @param {{ boardOrigin: string, responseUrlBase: string, postings: Array<{ id: string, channel: string, ts: string }>, label: string }} mix
 */
export function mixedRequest(i, { boardOrigin, responseUrlBase, postings, label }) {
  const slot = i % 5;
  const user = `U0ACK${i % 40}`;
  if (slot < 2) {
    const event = linkSharedEvent({
      channel: 'C0JOBS',
      user,
      urls: [`${boardOrigin}/jobs/${label}-${i}`],
    });
    return { request: eventRequest(event), kind: 'link_shared', ts: event.message_ts };
  }
  const responseUrl = `${responseUrlBase}${encodeURIComponent(`${label}${i}`)}`;
  if (slot < 4) {
    const posting = postings[i % postings.length];
    return {
      request: blockActionRequest({
        user,
        actionId: ACTIONS[i % ACTIONS.length],
        value: posting.id,
        channel: posting.channel,
        ts: posting.ts,
        responseUrl,
      }),
      kind: 'block_actions',
    };
  }
  return {
    request: commandRequest({ user, text: COMMANDS[i % COMMANDS.length], responseUrl }),
    kind: 'command',
  };
}
