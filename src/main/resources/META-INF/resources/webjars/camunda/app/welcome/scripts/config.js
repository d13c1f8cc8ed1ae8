// Welcome of Catalyse: French and branded.
import {locales, dateFormat, app} from '../../catalyse/settings.js';

export default {
  app: app('Accueil'),
  locales,
  dateFormat
};
