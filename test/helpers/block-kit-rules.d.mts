// Types of ./block-kit-rules.mjs (plain JS, so the benchmark's fake Slack API checks what the tests' does).

/** One thing Slack would refuse, and where: a JSON pointer into the call's arguments. */
export interface BlockKitProblem {
  pointer: string;
  message: string;
}

/** How Slack refuses a call: the HTTP status, Slack's error code, and its `[ERROR] …` messages. */
export interface SlackRejection {
  status: number;
  error: string;
  messages: string[];
}

/** Slack's reference pages the rules come from, by name (`@see DOCS.section` in the .mjs). */
export const DOCS: Readonly<Record<string, string>>;

/** Every limit the rules enforce (see each one's source page in the .mjs). */
export const blockKitLimits: Readonly<Record<string, number>>;

/** The problems of a message's blocks; `at` is where the message sits in the request ('' at the top). */
export function messageProblems(message: unknown, at?: string): BlockKitProblem[];

/** The problems of a modal or Home tab view; `at` defaults to '/view', as in the views.* arguments. */
export function viewProblems(view: unknown, at?: string): BlockKitProblem[];

/** The problems of chat.unfurl's `unfurls` map (each link's blocks checked as a message's). */
export function unfurlProblems(unfurls: unknown): BlockKitProblem[];

/** `[ERROR] <message> [json-pointer:<pointer>]`, as Slack words it. */
export function formatProblem(problem: BlockKitProblem): string;

/** Whether `slackRejection` checks calls of `method` (messages, unfurls, views, response_url answers). */
export function isCheckedMethod(method: string): boolean;

/** How Slack would refuse this call (`invalid_blocks`, `invalid_arguments`, …), or undefined. */
export function slackRejection(method: string, args: Record<string, unknown>): SlackRejection | undefined;

/** Slack's `[ERROR] …` messages for an interaction's or a command's HTTP answer (its ack); empty when fine. */
export function ackRefusal(body: unknown): string[];
