import { cardActionIds, homeActionIds, rememberCompanyActionIds } from '../../ids.js';
import { defineFeature } from '../../slack-feature.js';
import type { FeatureDeps } from '../feature-deps.js';
import { onICanRefer } from './i-can-refer.js';
import { onRememberCompany } from './remember-company.js';
import { onRemoveCompany } from './remove-company.js';

/** Saying "I can refer": on a card, for a whole company, and taking it back from the Home tab. */
export const refer = defineFeature<FeatureDeps>(
  'refer',
  ['chat:write', 'im:history', 'im:write'],
  (app, deps) => {
    app.action(cardActionIds.iCanRefer, onICanRefer(deps));
    app.action(rememberCompanyActionIds.yes, onRememberCompany(deps, true));
    app.action(rememberCompanyActionIds.no, onRememberCompany(deps, false));
    app.action(homeActionIds.removeCompany, onRemoveCompany(deps));
  },
);
