/**
 * Every Slack identifier Vouch owns, in one place: listeners match on these and the block builders
 * emit them, so a typo cannot split the two. The slash command and the shortcut must also match
 * manifest.json.
 *
 * Values carried by buttons (posting ids, referral ids, target statuses) are encoded and parsed in
 * `blocks/action-values.ts`.
 */

/** The slash command, as registered in the manifest. */
export const slashCommand = '/vouch' as const;

/** Message shortcut "Share as job referral". */
export const shortcutIds = {
  shareAsReferral: 'share_as_referral',
} as const;

/** Buttons on the posting card (channel unfurls, thread cards, tag DMs). `value` = postingId. */
export const cardActionIds = {
  iCanRefer: 'i_can_refer',
  imInterested: 'im_interested',
  details: 'details',
  tagSomeone: 'tag_someone',
  /** The link button to the job page: Slack still sends block_actions, which must be acked. */
  openPosting: 'open_posting',
} as const;

/**
 * The "…" menu on a card Vouch posted (not on unfurls, which are the member's message). Each option's
 * value is a card-menu value (`blocks/action-values.ts`) naming the share.
 */
export const cardMenuActionIds = {
  menu: 'card_menu',
} as const;

/** The "I'm interested" modal. */
export const interestModalIds = {
  callbackId: 'interest_submit',
  noteBlock: 'interest_note',
  noteInput: 'note',
  referrerBlock: 'interest_referrer',
  referrerSelect: 'referrer',
  /** Value of the "Anyone who can refer" option of the referrer select. */
  anyoneOption: 'anyone',
  showNameBlock: 'interest_show_name',
  showNameCheckbox: 'show_name',
  /** Value of the single checkbox option. */
  showNameOption: 'show_name',
} as const;

/** The "Details" modal: nothing to submit, but a callback id lets logs tell it apart. */
export const detailsModalIds = {
  callbackId: 'posting_details',
} as const;

/** The "Tag someone" modal. */
export const tagModalIds = {
  callbackId: 'tag_submit',
  userBlock: 'tag_user',
  userSelect: 'user',
  roleBlock: 'tag_role',
  roleRadio: 'role',
} as const;

/** Buttons in the DM a referrer gets when a candidate asks them. */
export const referrerDmActionIds = {
  /** `value`: a status-update value with `to: 'referred'`. */
  markReferred: 'mark_referred',
  /** `value`: a status-update value with `to: 'declined'`. */
  decline: 'decline',
  /** URL button to the candidate's DM; acked and otherwise ignored. */
  openDm: 'open_dm',
  /** "How well do you know them?" select; each option's value is a relationship value. */
  relationship: 'referrer_relationship',
} as const;

/** An open request ("anyone who can refer") on its way: anonymous until the candidate accepts. */
export const offerActionIds = {
  /** In the anonymous invitation to a referrer. `value` = referralId (a handle, not a permission). */
  offer: 'offer_to_refer',
  /** In the candidate's DM about an offer. `value` = the offer id. */
  accept: 'accept_offer',
} as const;

/**
 * Status buttons wherever they appear (DMs, App Home). Each button's action_id is
 * `status_update:<to>` because action_ids must be unique within one actions block; match them
 * with `statusUpdateActionPattern`. The `value` carries the referral id and the target status.
 */
export const statusUpdateActionPrefix = 'status_update' as const;
export const statusUpdateActionPattern = /^status_update:[a-z_]+$/;

/** The ephemeral "Remember that you can refer at X?" prompt. `value` = remember-company value. */
export const rememberCompanyActionIds = {
  yes: 'remember_referrer_company_yes',
  no: 'remember_referrer_company_no',
} as const;

/** App Home. */
export const homeActionIds = {
  /** `value` = the company name to forget. */
  removeCompany: 'home_remove_company',
  /** `value` = postingId; opens the Details modal. */
  postingDetails: 'home_posting_details',
  /** "Unfollow" in the Following section. `value` = the follow's id. */
  unfollow: 'home_unfollow',
  /** "Follow…" in the Following section: opens the follow modal. `value` is unused. */
  openFollowModal: 'home_follow',
  /** "Edit profile" in the Your profile section: opens the profile modal. `value` is unused. */
  editProfile: 'home_edit_profile',
  /** "Browse open postings": opens the browse modal. `value` is unused. */
  browsePostings: 'home_browse_postings',
} as const;

/**
 * The profile's inputs, in the "Your profile" modal and in the "I'm interested" form (block ids need
 * only be unique within one view), and the profile modal's callback id.
 */
export const profileFormIds = {
  callbackId: 'profile_submit',
  profileUrlBlock: 'profile_url',
  profileUrlInput: 'profile_url',
  resumeUrlBlock: 'profile_resume_url',
  resumeUrlInput: 'resume_url',
  pitchBlock: 'profile_pitch',
  pitchInput: 'pitch',
  resumeFileBlock: 'profile_resume_file',
  resumeFileInput: 'resume_file',
  /** A checkbox about the file the profile already holds: remove it, or leave it out of this request. */
  keptFileBlock: 'profile_kept_file',
  keptFileCheckbox: 'kept_file',
  dropFileOption: 'drop_file',
  /** The interest form's "Save these to my profile". */
  saveBlock: 'profile_save',
  saveCheckbox: 'save_profile',
  saveOption: 'save_profile',
} as const;

/** The "Follow…" modal. */
export const followModalIds = {
  callbackId: 'follow_submit',
  wordsBlock: 'follow_words',
  wordsInput: 'words',
  workplaceBlock: 'follow_workplace',
  workplaceSelect: 'workplace',
  placeBlock: 'follow_place',
  placeInput: 'place',
} as const;

/** The "Browse open postings" modal: filters (each dispatches its change at once) and paging. */
export const browseModalIds = {
  callbackId: 'browse_postings',
  companyBlock: 'browse_company',
  placeBlock: 'browse_place',
  workplaceBlock: 'browse_workplace',
  sinceBlock: 'browse_since',
  canReferBlock: 'browse_can_refer',
  /** Value of the single "Someone can refer" checkbox option. */
  canReferOption: 'can_refer',
} as const;

/** What changes the browse modal's page: each filter's element, and Previous / Next (`value` = the page). */
export const browseActionIds = {
  company: 'browse_company_input',
  place: 'browse_place_input',
  workplace: 'browse_workplace_select',
  since: 'browse_since_select',
  canRefer: 'browse_can_refer_checkbox',
  previous: 'browse_previous',
  next: 'browse_next',
} as const;

/** Data rights (`/vouch forget-me`). */
export const privacyActionIds = {
  /** The red button of the forget-me prompt (it asks for a confirmation first). `value` is unused. */
  eraseEverything: 'privacy_erase_everything',
} as const;

/**
 * Buttons whose click only opens a modal or a link: doing it twice changes nothing, so a repeated
 * delivery needs no ledger entry (every other click gets one: `features/deliveries/`).
 */
export const readOnlyActionIds: ReadonlySet<string> = new Set([
  cardActionIds.details,
  cardActionIds.imInterested,
  cardActionIds.tagSomeone,
  cardActionIds.openPosting,
  homeActionIds.postingDetails,
  referrerDmActionIds.openDm,
  homeActionIds.openFollowModal,
  homeActionIds.editProfile,
  // Browsing only redraws the modal (views.update by its id): nothing to lose, nothing twice.
  homeActionIds.browsePostings,
  ...Object.values(browseActionIds),
]);

/** Every action_id that is a plain link (url button): listeners only ack them. */
export const linkActionIds = [cardActionIds.openPosting, referrerDmActionIds.openDm] as const;
