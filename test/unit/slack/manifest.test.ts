import { readFileSync } from 'node:fs';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { FeatureDeps } from '../../../src/slack/features/feature-deps.js';
import { buildFeatures } from '../../../src/slack/features/index.js';
import {
  browseActionIds,
  browseModalIds,
  cardActionIds,
  cardMenuActionIds,
  followModalIds,
  homeActionIds,
  interestModalIds,
  offerActionIds,
  privacyActionIds,
  profileFormIds,
  referrerDmActionIds,
  rememberCompanyActionIds,
  statusUpdateActionPattern,
  statusUpdateActionPrefix,
  tagModalIds,
} from '../../../src/slack/ids.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    shortcuts: Array<{ callback_id: string; type: string }>;
    slash_commands: Array<{ command: string }>;
    unfurl_domains: string[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;

/** Registers every feature on a stand-in App that only records what was registered. */
function registeredListeners() {
  const seen = {
    events: new Set<string>(),
    commands: new Set<string>(),
    shortcuts: new Set<string>(),
    actions: [] as Array<string | RegExp>,
    views: [] as Array<string | RegExp>,
  };
  const recorder = {
    event: (name: string) => seen.events.add(name),
    message: () => seen.events.add('message'),
    command: (name: string) => seen.commands.add(name),
    shortcut: (id: string) => seen.shortcuts.add(id),
    action: (id: string | RegExp) => {
      seen.actions.push(id);
    },
    view: (id: string | RegExp) => {
      seen.views.push(id);
    },
    use: () => undefined,
  };
  const features = buildFeatures({} as FeatureDeps);
  for (const feature of features) feature.register(recorder as unknown as App);
  const scopes = new Set(features.flatMap((feature) => [...feature.scopes]));
  return { ...seen, scopes };
}

describe('manifest.json and the registered listeners', () => {
  const registered = registeredListeners();

  it('subscribe to the same events (message.* events arrive as "message")', () => {
    const fromManifest = new Set(
      manifest.settings.event_subscriptions.bot_events.map((e) => e.replace(/^message\..*/, 'message')),
    );
    expect([...registered.events].sort()).toEqual([...fromManifest].sort());
  });

  it('declare the same slash commands', () => {
    expect([...registered.commands].sort()).toEqual(
      manifest.features.slash_commands.map((c) => c.command).sort(),
    );
  });

  it('declare the same shortcuts', () => {
    expect([...registered.shortcuts].sort()).toEqual(
      manifest.features.shortcuts.map((s) => s.callback_id).sort(),
    );
  });

  it('ask for exactly the scopes the features need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...registered.scopes].sort());
  });

  it('turn on interactivity, the Home tab and Socket Mode', () => {
    expect(registered.actions.length + registered.views.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('register at most five unfurl domains', () => {
    expect(manifest.features.unfurl_domains.length).toBeGreaterThan(0);
    expect(manifest.features.unfurl_domains.length).toBeLessThanOrEqual(5);
  });
});

/** Every action id ids.ts names, group by group. */
const namedActionIds = [
  ...Object.values(cardActionIds),
  ...Object.values(referrerDmActionIds),
  ...Object.values(rememberCompanyActionIds),
  ...Object.values(homeActionIds),
  ...Object.values(offerActionIds),
  ...Object.values(privacyActionIds),
  ...Object.values(browseActionIds),
  ...Object.values(cardMenuActionIds),
];

describe('ids.ts and the registered listeners', () => {
  const registered = registeredListeners();
  const answers = (id: string): boolean =>
    registered.actions.some((a) => (typeof a === 'string' ? a === id : a.test(id)));

  it('answer every button and select the blocks can carry', () => {
    const ids = [...namedActionIds, `${statusUpdateActionPrefix}:referred`];
    expect(ids.filter((id) => !answers(id))).toEqual([]);
  });

  it('register no action id that ids.ts does not name', () => {
    const known = new Set<string | RegExp>([...namedActionIds, statusUpdateActionPattern]);
    expect(registered.actions.filter((a) => !known.has(a))).toEqual([]);
  });

  it('take every modal that can be submitted', () => {
    expect([...registered.views].sort()).toEqual(
      [
        interestModalIds.callbackId,
        tagModalIds.callbackId,
        followModalIds.callbackId,
        profileFormIds.callbackId,
        browseModalIds.callbackId,
      ].sort(),
    );
  });
});
