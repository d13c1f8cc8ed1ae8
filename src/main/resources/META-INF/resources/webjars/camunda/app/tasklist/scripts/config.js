// Tasklist of Catalyse: French, branded; the keyboard shortcuts are Camunda's own.
import {locales, dateFormat, app} from '../../catalyse/settings.js';

// Tasks are listed by due date, soonest first, unless the person picked another order.
const hash = window.location.hash;
if (['', '#', '#/'].includes(hash) || (hash.startsWith('#/?') && !hash.includes('sorting='))) {
  const sorting = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));
  window.history.replaceState(null, '', (hash.startsWith('#/?') ? hash + '&' : '#/?') + 'sorting=' + sorting);
}

export default {
  app: app('Tâches'),
  locales,
  dateFormat,
  // The programme observatory for catalysts and the steering committee (relative to app/tasklist/).
  customScripts: ['scripts/observatoire.js', 'scripts/documents.js'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'prendre en charge la tâche sélectionnée'},
    focusFilter: {key: 'ctrl+shift+f', description: 'aller au premier filtre de la liste'},
    focusList: {key: 'ctrl+alt+l', description: 'aller à la première tâche de la liste'},
    focusForm: {key: 'ctrl+alt+f', description: 'aller au premier champ du formulaire de la tâche'},
    startProcess: {key: 'ctrl+alt+p', description: 'ouvrir la fenêtre « Démarrer un processus »'}
  }
};
