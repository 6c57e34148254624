import { slashCommand } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onVouchCommand } from './vouch-command.js';

/**
 * `/vouch`: share any job link as a card, list open postings, my referrals, the who-can-refer
 * directory, stats. `parse-command.ts` turns the text into a command; `vouch-command.ts` answers it.
 */
export const command = defineFeature<FeatureDeps>(
  'command',
  ['commands', 'chat:write', 'chat:write.public'],
  (app, deps) => {
    app.command(slashCommand, onVouchCommand(deps));
  },
);
