import { z } from 'zod';
import { type ReferralStatus, referralStatusSchema } from '../../referrals/status-machine.js';
import { type RemovalReason, removalReasons } from '../../shares/share-store.js';
import { cleanText } from '../../text/clean-text.js';
import { statusUpdateActionPrefix } from '../ids.js';
import { slackLimits } from './limits.js';

/**
 * What buttons and select options carry in `value`, encoded here and parsed back (with zod: a
 * payload is input from the outside) by the listeners. Card buttons carry the bare postingId.
 */

export const statusUpdateValueSchema = z.object({
  referralId: z.string().min(1),
  to: referralStatusSchema,
});
export type StatusUpdateValue = z.infer<typeof statusUpdateValueSchema>;

/** Value of a status button (`status_update:<to>`, `mark_referred`, `decline`). */
export function encodeStatusUpdate(value: StatusUpdateValue): string {
  return JSON.stringify({ referralId: value.referralId, to: value.to });
}

/** A value Vouch wrote as JSON, read back through its schema; null for anything else. */
export function parseJson<T>(schema: z.ZodType<T>, raw: string | undefined | null): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The referral and target status of a status button, or null for a value we did not write. */
export function parseStatusUpdate(raw: string | undefined | null): StatusUpdateValue | null {
  return parseJson(statusUpdateValueSchema, raw);
}

/** Why a card is removed, as its "…" menu offers it. */
const removalReasonSchema = z.enum(removalReasons);

/** What the card's "…" menu offers; the value names the choice, its reason and the share (the card's place). */
export type CardMenuChoice = { choice: 'remove'; reason: RemovalReason; shareId: string };

const cardMenuValuePattern = /^remove:([a-z]+):([A-Za-z0-9_-]{1,100})$/;

/** Value of a card-menu option: `remove:<reason>:<shareId>`. */
export function encodeCardMenuChoice(value: CardMenuChoice): string {
  return `${value.choice}:${value.reason}:${value.shareId}`;
}

/** The choice and share of a card-menu option, or null for a value we did not write. */
export function parseCardMenuChoice(raw: string | undefined | null): CardMenuChoice | null {
  const match = cardMenuValuePattern.exec(raw ?? '');
  const reason = removalReasonSchema.safeParse(match?.[1]);
  if (match === null || !reason.success || match[2] === undefined) return null;
  return { choice: 'remove', reason: reason.data, shareId: match[2] };
}

/** How well a referrer knows the candidate: asked in the referrer's DM. */
export const referrerRelationships = [
  { value: 'worked_closely', label: 'Worked closely together' },
  { value: 'worked_together', label: 'Worked at the same place' },
  { value: 'know_personally', label: 'Know them personally' },
  { value: 'know_a_little', label: 'Know them a little' },
  { value: 'dont_know', label: "Don't know them yet" },
] as const;
export const referrerRelationshipSchema = z.enum(
  referrerRelationships.map((r) => r.value) as [
    (typeof referrerRelationships)[number]['value'],
    ...(typeof referrerRelationships)[number]['value'][],
  ],
);
export type ReferrerRelationship = z.infer<typeof referrerRelationshipSchema>;

export const relationshipValueSchema = z.object({
  referralId: z.string().min(1),
  relationship: referrerRelationshipSchema,
});
export type RelationshipValue = z.infer<typeof relationshipValueSchema>;

/** Compact on purpose: option values are limited to 150 characters. */
export function encodeRelationship(value: RelationshipValue): string {
  const encoded = JSON.stringify({ r: value.referralId, k: value.relationship });
  if (encoded.length > slackLimits.optionValue)
    throw new RangeError('referral id too long for an option value');
  return encoded;
}

export function parseRelationship(raw: string | undefined | null): RelationshipValue | null {
  const parsed = parseJson(z.object({ r: z.string().min(1), k: referrerRelationshipSchema }), raw);
  return parsed ? { referralId: parsed.r, relationship: parsed.k } : null;
}

/** The words for a stored relationship value (e.g. in the candidate's confirmation). */
export function relationshipLabel(value: ReferrerRelationship): string {
  return referrerRelationships.find((r) => r.value === value)?.label ?? value;
}

export const rememberCompanyValueSchema = z.object({
  company: z.string().min(1),
  postingId: z.string().min(1),
});
export type RememberCompanyValue = z.infer<typeof rememberCompanyValueSchema>;

export function encodeRememberCompany(value: RememberCompanyValue): string {
  return JSON.stringify({ company: value.company, postingId: value.postingId });
}

/** The company and posting of a "remember me" answer; the name (from the payload) cleaned. */
export function parseRememberCompany(raw: string | undefined | null): RememberCompanyValue | null {
  const value = parseJson(rememberCompanyValueSchema, raw);
  return value === null ? null : { ...value, company: cleanText(value.company) };
}

/** The action_id of the button moving a referral to `to`. */
export function statusActionId(to: ReferralStatus): string {
  return `${statusUpdateActionPrefix}:${to}`;
}
