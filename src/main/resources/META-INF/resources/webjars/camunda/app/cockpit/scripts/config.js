// Cockpit of Catalyse: French and branded.
import {locales, dateFormat, app} from '../../catalyse/settings.js';

export default {
  app: app('Pilotage'),
  locales,
  dateFormat,
  // The programme observatory: « Programme » page and « Dossier » tab (relative to app/cockpit/).
  customScripts: ['scripts/observatoire.js']
};
