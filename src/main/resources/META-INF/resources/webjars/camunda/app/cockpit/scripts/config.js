// Cockpit of Catalyse: French and branded.
import {locales, dateFormat, app} from '../../catalyse/settings.js';

export default {
  app: app('Pilotage'),
  locales,
  dateFormat
};
