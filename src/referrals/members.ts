import type { Db } from '../db/client.js';
import { retryOnConflict } from '../db/unique-violation.js';
import { createRecentMap, fillFromRecent } from '../runtime/recent-map.js';
import type { Member } from './records.js';

const MAX_KNOWN_MEMBERS = 10_000;

/** Workspaces and members, with the caches that spare a query per click. */
export function createMembers(deps: { db: Db }) {
  const { db } = deps;

  // Workspaces and members are only ever created (never re-keyed; erasure calls forget*), so once one
  // is known to exist it can be reused without asking the database on every click.
  const knownWorkspaces = new Set<string>();
  const knownMembers = createRecentMap<string, Member>({ max: MAX_KNOWN_MEMBERS });
  // Members by id, for the people on referrals and cards (a name change goes through ensureMember,
  // which refreshes this too).
  const membersById = createRecentMap<string, Member>({ max: MAX_KNOWN_MEMBERS });
  const loadMembers = (ids: string[]) => db.member.findMany({ where: { id: { in: ids } } });

  /** Members by id as a map (unknown ids left out), from the recent rows and one query for the rest. */
  async function memberRows(ids: readonly string[]): Promise<Map<string, Member>> {
    const found = new Map<string, Member>();
    await fillFromRecent(found, ids, membersById, loadMembers);
    return found;
  }

  async function ensureWorkspace(teamId: string, name?: string | null): Promise<void> {
    if (knownWorkspaces.has(teamId) && !name) return;
    await retryOnConflict(() =>
      db.workspace.upsert({
        where: { id: teamId },
        create: { id: teamId, name: name ?? null },
        update: name ? { name } : {},
      }),
    );
    knownWorkspaces.add(teamId);
  }

  return {
    ensureWorkspace,

    async ensureMember(
      workspaceId: string,
      slackUserId: string,
      displayName?: string | null,
    ): Promise<Member> {
      const key = `${workspaceId}:${slackUserId}`;
      const known = knownMembers.get(key);
      if (known !== undefined && (!displayName || known.displayName === displayName)) {
        if (membersById.get(known.id) === undefined) membersById.set(known.id, known);
        return known;
      }
      await ensureWorkspace(workspaceId);
      const member = await retryOnConflict(() =>
        db.member.upsert({
          where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
          create: { workspaceId, slackUserId, displayName: displayName ?? null },
          update: displayName ? { displayName } : {},
        }),
      );
      knownMembers.set(key, member);
      membersById.set(member.id, member);
      return member;
    },

    /**
     * The member, or null when Vouch has no row for them (never seen, or erased): for work that must
     * not bring an erased member back, as `ensureMember` would.
     */
    async findMember(workspaceId: string, slackUserId: string): Promise<Member | null> {
      const known = knownMembers.get(`${workspaceId}:${slackUserId}`);
      if (known !== undefined) return known;
      return db.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
    },

    /** Members by id, in the order asked (unknown ids left out): recent rows first, one query for the rest. */
    async membersIn(ids: readonly string[]): Promise<Member[]> {
      const found = await memberRows(ids);
      return ids.flatMap((id) => found.get(id) ?? []);
    },

    memberRows,

    /** An erased member: their rows leave the caches (a return later starts as a new member). */
    forgetMember(memberId: string): void {
      const member = membersById.get(memberId);
      membersById.delete(memberId);
      if (member !== undefined) knownMembers.delete(`${member.workspaceId}:${member.slackUserId}`);
    },

    /** An erased workspace: nothing of it stays cached (rare: every cached member is dropped). */
    forgetWorkspace(workspaceId: string): void {
      knownWorkspaces.delete(workspaceId);
      knownMembers.clear();
      membersById.clear();
    },
  };
}

export type Members = ReturnType<typeof createMembers>;
