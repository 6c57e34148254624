/** Where a share came from, as far as its idempotency goes. */
export interface ShareDelivery {
  postingId: string;
  channelId: string;
  /**
   * What identifies the delivery in Slack: the shared message's ts for unfurls, threads and message
   * shortcuts; for a slash command (no message yet) the command's trigger_id.
   */
  anchor: string;
}

/**
 * The value of `Share.dedupeKey`. The column is unique, so a re-delivered unfurl or share of the same
 * posting at the same anchor fails with P2002 instead of creating a second row. It is not nullable
 * on purpose: NULLs are distinct in unique indexes, so a unique over a nullable messageTs would not
 * stop duplicates.
 */
export function shareDedupeKey(delivery: ShareDelivery): string {
  return [delivery.postingId, delivery.channelId, delivery.anchor].join('|');
}
