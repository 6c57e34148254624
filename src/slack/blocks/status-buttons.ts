import { nextActions, type ReferralStatus } from '../../referrals/status-machine.js';
import { encodeStatusUpdate, statusActionId } from './action-values.js';
import { type Button, button } from './block-kit.js';

type Party = 'candidate' | 'referrer';

/** What the button says, from the clicker's side ("I got an offer" / "They got an offer"). */
export function actionLabel(to: ReferralStatus, role: Party): string {
  const mine = role === 'candidate';
  switch (to) {
    case 'interested':
      return 'Interested';
    case 'requested':
      return 'Ask for a referral';
    case 'referred':
      return 'I referred them';
    case 'declined':
      return "I can't refer them";
    case 'interviewing':
      return mine ? "I'm interviewing" : "They're interviewing";
    case 'offer':
      return mine ? 'I got an offer' : 'They got an offer';
    case 'hired':
      return mine ? 'I got the job 🎉' : 'They got the job 🎉';
    case 'not_selected':
      return mine ? "Didn't work out" : 'Not selected';
    case 'withdrawn':
      return 'Withdraw';
    case 'closed':
      return 'Close';
  }
}

const confirms: Partial<Record<ReferralStatus, { title: string; text: string; confirm: string }>> = {
  withdrawn: {
    title: 'Withdraw your request?',
    text: 'The referrer is told you no longer need this referral.',
    confirm: 'Withdraw',
  },
  declined: {
    title: "Can't refer them?",
    text: "We'll let them know kindly. They can still ask someone else.",
    confirm: "I can't refer",
  },
  not_selected: {
    title: 'Mark as not selected?',
    text: 'This ends the referral. The other side is told.',
    confirm: 'Yes, it ended',
  },
};

/**
 * The status buttons `role` may press at `status` (from the state machine), each with action_id
 * `status_update:<to>` and a value naming the referral and the target.
 */
export function statusButtons(referralId: string, status: ReferralStatus, role: Party): Button[] {
  const targets = nextActions(status, role);
  return targets.map((to, index) => {
    const confirm = confirms[to];
    const style = index === 0 && !confirm ? 'primary' : confirm ? 'danger' : undefined;
    return button({
      actionId: statusActionId(to),
      text: actionLabel(to, role),
      value: encodeStatusUpdate({ referralId, to }),
      ...(style ? { style } : {}),
      ...(confirm ? { confirm } : {}),
    });
  });
}
