import type { SlackFeature } from '../slack-feature.js';
import type { FeatureDeps } from './feature-deps.js';

/** The App Home tab, rebuilt whenever a member opens it (and after every change that concerns them). */
export function appHome(deps: FeatureDeps): SlackFeature {
  const { home } = deps;
  return {
    name: 'app-home',
    scopes: ['users:read'],
    register(app) {
      app.event('app_home_opened', async ({ event, body }) => {
        if (event.tab !== 'home') return;
        const teamId = (body as { team_id?: string }).team_id;
        if (teamId === undefined) return;
        await home.publish(teamId, event.user);
      });
    },
  };
}
